package dev.auditweave.processor;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Under javac, when its options cannot be read: as each class file is written, whether the methods whose
 * expressions use parameter names kept them ({@code MethodParameters}); those that did not are reported then, with
 * the runtime's message.
 */
final class ParameterCheck implements TaskListener {

    private final ProcessingEnvironment environment;
    private final Map<String, List<Pending>> pending = new HashMap<>();
    private boolean readFailed;

    private ParameterCheck(ProcessingEnvironment environment) {
        this.environment = environment;
    }

    /** An expression that needs the names of {@code method} (as {@code name + descriptor}), and its problem without them. */
    record Pending(String method, Problem problem) {
    }

    /** Registers with javac; {@code null} when this compiler takes no listener. */
    static ParameterCheck register(ProcessingEnvironment environment) {
        try {
            ParameterCheck check = new ParameterCheck(environment);
            JavacTask.instance(environment).addTaskListener(check);
            return check;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    void add(String className, Pending site) {
        pending.computeIfAbsent(className, name -> new ArrayList<>()).add(site);
    }

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() != TaskEvent.Kind.GENERATE || event.getTypeElement() == null) {
            return;
        }
        TypeElement type = event.getTypeElement();
        String className = environment.getElementUtils().getBinaryName(type).toString();
        List<Pending> sites = pending.remove(className);
        if (sites == null) {
            return;
        }
        Set<String> named;
        try {
            FileObject file = environment.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "",
                    className.replace('.', '/') + ".class");
            try (InputStream in = file.openInputStream()) {
                named = ClassFiles.methodsWithParameterNames(in);
            }
        } catch (IOException | RuntimeException e) {
            if (!readFailed) {
                readFailed = true;
                environment.getMessager().printMessage(Diagnostic.Kind.NOTE, "auditweave: cannot tell whether"
                        + " -parameters is on (" + e + "); expressions that name parameters need it");
            }
            return;
        }
        for (Pending site : sites) {
            if (!named.contains(site.method())) {
                site.problem().report(environment.getMessager(), Diagnostic.Kind.ERROR);
            }
        }
    }
}
