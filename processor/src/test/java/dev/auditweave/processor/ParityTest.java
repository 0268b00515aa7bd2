package dev.auditweave.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.auditweave.agent.internal.expr.Expected;
import dev.auditweave.agent.internal.expr.ExpressionCompiler;
import dev.auditweave.agent.internal.expr.ExpressionException;
import dev.auditweave.agent.internal.expr.ModelScope;
import dev.auditweave.agent.internal.expr.ModelType;
import dev.auditweave.agent.internal.expr.Scope;
import dev.auditweave.processor.fixtures.ParityFixtures;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;

/**
 * The same expressions, over the same fixture methods, checked by the runtime (reflection on the compiled class) and
 * by the build-time side (the compiler's model of the same source): the verdicts and messages must be identical.
 */
class ParityTest {

    /** method name, expected, expression. */
    private static final String[][] CASES = {
            {"blockUser", "BOOLEAN", "RETURNED_ROWS > 0"},
            {"blockUser", "ANY", "userId"},
            {"blockUser", "ANY", "usrId"},
            {"blockUser", "BOOLEAN", "userId"},
            {"blockUser", "ANY", "result * 2 + 1"},
            {"blockUser", "ANY", "reason * 2"},
            {"blockUser", "ANY", "args[2]"},
            {"blockUser", "BOOLEAN", "INSERTED"},
            {"blockUser", "ANY", "-1"},
            {"blockUser", "BOOLEAN", "userId == 1"},
            {"blockUser", "BOOLEAN", "userId < reason && !(result >= 2)"},
            {"blockUser", "BOOLEAN", "THROWN.type == 'X'"},
            {"blockUser", "ANY", "reason.length"},
            {"blockUser", "EPOCH_MILLIS", "NOW"},
            {"blockUser", "EPOCH_MILLIS", "reason"},
            {"blockUser", "ANY", "ACTOR.id + ':' + ACTOR.label"},
            {"blockUser", "ANY", "ACTOR.name"},
            {"notify", "BOOLEAN", "RETURNED_ROWS > 0"},
            {"notify", "ANY", "result"},
            {"notify", "BOOLEAN", "INSERTED"},
            {"save", "BOOLEAN", "INSERTED"},
            {"save", "BOOLEAN", "status == 'ACTIVE'"},
            {"save", "BOOLEAN", "status == 'ACTIV'"},
            {"save", "BOOLEAN", "user.status != 'GONE'"},
            {"save", "ANY", "user.limits.daily + 1"},
            {"save", "ANY", "user.emial"},
            {"save", "BOOLEAN", "user.status == status"},
            {"save", "BOOLEAN", "user == status"},
            {"save", "ANY", "result.id"},
            {"find", "BOOLEAN", "INSERTED"},
            {"find", "ANY", "account.locked"},
            {"find", "ANY", "account.owner"},
            {"find", "ANY", "account.members"},
            {"find", "ANY", "account.class"},
            {"find", "BOOLEAN", "RETURNED_ROWS == 1"},
            {"later", "BOOLEAN", "result > 0"},
            {"later", "BOOLEAN", "INSERTED"},
            {"done", "BOOLEAN", "RETURNED_ROWS > 0"},
            {"anything", "ANY", "value.anything.goes"},
            {"anything", "BOOLEAN", "counts == counts"},
            {"anything", "ANY", "counts.length"},
            {"envelope", "ANY", "envelope.payload.email"},
            {"envelope", "ANY", "envelope.payload.mail"},
            {"envelope", "ANY", "result"},
            {"envelope", "BOOLEAN", "result.status == 'SUSPENDED'"},
            {"blockUser", "REDACTED", "userId"},
            {"blockUser", "REDACTED", "result"},
            {"save", "REDACTED", "user.email"},
            {"save", "REDACTED", "status"},
            {"save", "REDACTED", "user"},
            {"save", "REDACTED", "user.limits"},
            {"find", "REDACTED", "account.locked"},
            {"anything", "REDACTED", "value.anything.goes"},
            {"anything", "REDACTED", "counts"},
    };

    @Test
    void theRuntimeAndTheBuildGiveTheSameVerdictAndMessageForEveryCase() throws IOException {
        Map<String, String> runtime = new LinkedHashMap<>();
        for (String[] c : CASES) {
            runtime.put(key(c), reflective(c));
        }
        Map<String, String> build = new LinkedHashMap<>();
        Compilation compilation = Compiler.javac().withProcessors(new ModelProbe(build)).compile(
                JavaFileObjects.forSourceString("dev.auditweave.processor.fixtures.ParityFixtures", Files.readString(
                        Path.of("src/test/java/dev/auditweave/processor/fixtures/ParityFixtures.java"))));
        assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        List<String> disagreements = new ArrayList<>();
        runtime.forEach((key, verdict) -> {
            if (!verdict.equals(build.get(key))) {
                disagreements.add(key + "\n  runtime: " + verdict + "\n  build:   " + build.get(key));
            }
        });
        assertThat(disagreements).isEmpty();
        assertThat(build).hasSameSizeAs(runtime);
        // The cases cover both verdicts.
        assertThat(runtime.values()).contains("OK").anyMatch(message -> !message.equals("OK"));
    }

    private static String key(String[] c) {
        return c[0] + " | " + c[1] + " | " + c[2];
    }

    private static String reflective(String[] c) {
        Method method = Arrays.stream(ParityFixtures.class.getMethods()).filter(m -> m.getName().equals(c[0]))
                .findFirst().orElseThrow();
        try {
            ExpressionCompiler.compile(c[2], Scope.of(method), Expected.valueOf(c[1]));
            return "OK";
        } catch (ExpressionException e) {
            return e.getMessage();
        }
    }

    /** Checks every case against the compiler's model of the fixture source. */
    private static final class ModelProbe extends AbstractProcessor {

        private final Map<String, String> verdicts;

        ModelProbe(Map<String, String> verdicts) {
            this.verdicts = verdicts;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (round.processingOver()) {
                return false;
            }
            MirrorModel model = new MirrorModel(processingEnv);
            TypeElement fixtures = processingEnv.getElementUtils()
                    .getTypeElement("dev.auditweave.processor.fixtures.ParityFixtures");
            for (String[] c : CASES) {
                ExecutableElement method = ElementFilter.methodsIn(fixtures.getEnclosedElements()).stream()
                        .filter(m -> m.getSimpleName().contentEquals(c[0])).findFirst().orElseThrow();
                List<ModelType> types = new ArrayList<>();
                for (VariableElement parameter : method.getParameters()) {
                    types.add(model.type(parameter.asType()));
                }
                String description = processingEnv.getElementUtils().getBinaryName(fixtures) + "." + c[0]
                        + method.getParameters().stream().map(p -> model.type(processingEnv.getTypeUtils()
                                .erasure(p.asType())).simpleName()).collect(Collectors.joining(", ", "(", ")"));
                ModelScope scope = ModelScope.of(description, method.getParameters().stream()
                        .map(p -> p.getSimpleName().toString()).toList(), types, model.type(method.getReturnType()),
                        model, ModelScope.MAVEN_PARAMETERS_FIX);
                try {
                    ExpressionCompiler.check(c[2], scope, Expected.valueOf(c[1]));
                    verdicts.put(key(c), "OK");
                } catch (ExpressionException e) {
                    verdicts.put(key(c), e.getMessage());
                }
            }
            return false;
        }
    }
}
