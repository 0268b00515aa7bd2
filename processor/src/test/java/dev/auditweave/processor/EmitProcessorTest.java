package dev.auditweave.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The processor in javac, over small sources: each mistake is a javac error naming it, good code compiles clean. */
class EmitProcessorTest {

    private static final String IMPORTS = "package com.acme;\n"
            + "import dev.auditweave.annotations.*;\n"
            + "import java.util.*;\n";

    private static JavaFileObject service(String body) {
        return JavaFileObjects.forSourceString("com.acme.UserService", IMPORTS
                + "public class UserService {\n"
                + "  public enum Status { ACTIVE, SUSPENDED }\n"
                + "  public record Saved(long id) {}\n"
                + body + "\n}\n");
    }

    private static Compilation compile(JavaFileObject... sources) {
        return compile(List.of("-parameters"), sources);
    }

    private static Compilation compile(List<String> options, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new EmitProcessor()).withOptions(options).compile(sources);
    }

    // ---------------------------------------------------------------- good code

    @Test
    void aGoodSite_compilesCleanAndIsListedInEmitSitesJson() throws IOException {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"user.blocked\", when = \"RETURNED_ROWS > 0\",\n"
                + "      data = {@Field(name = \"kilo_user_id\", value = \"userId\"), @Field(name = \"reason\", value = \"reason\")})\n"
                + "  public int blockUser(String userId, String reason) { return 1; }\n"
                + "  @EmitsAbuseEvent(type = \"user.suspended\", when = \"status == 'SUSPENDED'\", phase = Phase.IMMEDIATE)\n"
                + "  @EmitsAbuseEvent(type = \"user.failed\", on = Outcome.THROWN, data = @Field(name = \"why\", value = \"THROWN.message\"))\n"
                + "  public void setStatus(Status status) { }"));
        assertThat(compilation).succeededWithoutWarnings();
        String json = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/auditweave/emit-sites.json")
                .orElseThrow().getCharContent(true).toString();
        assertThat(json).contains("\"class\" : \"com.acme.UserService\"", "\"method\" : \"blockUser\"",
                "\"descriptor\" : \"(Ljava/lang/String;Ljava/lang/String;)I\"", "\"guard\" : \"RETURNED_ROWS > 0\"",
                "\"fields\" : [ \"kilo_user_id\", \"reason\" ]", "\"type\" : \"user.suspended\"",
                "\"phase\" : \"IMMEDIATE\"", "\"on\" : \"THROWN\"", "\"descriptor\" : \"(Lcom/acme/UserService$Status;)V\"");
    }

    @Test
    void contextRoots_areTypedAtBuildTimeToo() {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"auth.signup\", when = \"REQUEST == null || REQUEST.method == 'POST'\", data = {\n"
                + "      @Field(name = \"ip_address\", value = \"REQUEST.ip\"),\n"
                + "      @Field(name = \"user_agent\", value = \"REQUEST.headers['User-Agent']\"),\n"
                + "      @Field(name = \"trace_id\", value = \"TRACE.traceId\"),\n"
                + "      @Field(name = \"request_id\", value = \"MDC['request-id']\")})\n"
                + "  public void signUp(String userId) { }"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void contextRoots_aMisspeltPartOrAWholeRequestIsABuildError() {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"auth.signup\", data = {@Field(name = \"ip_address\", value = \"REQUEST.ipp\"),\n"
                + "      @Field(name = \"everything\", value = \"REQUEST\")})\n"
                + "  public void signUp(String userId) { }"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("data field 'ip_address': no property 'ipp' on REQUEST (it has: ip,"
                + " method, path, userAgent, headers); did you mean 'ip'?");
        assertThat(compilation).hadErrorContaining("data field 'everything': REQUEST is the whole request, which would"
                + " send every header");
    }

    @Test
    void redactedFields_hashAndMaskTakeTextOrNumbers_andARecordIsABuildError() {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"user.email_changed\", data = {\n"
                + "      @Field(name = \"email\", value = \"email\", redact = Redact.HASH),\n"
                + "      @Field(name = \"hint\", value = \"email\", redact = Redact.MASK),\n"
                + "      @Field(name = \"saved\", value = \"saved\", redact = Redact.DROP),\n"
                + "      @Field(name = \"whole\", value = \"saved\", redact = Redact.HASH)})\n"
                + "  public void changeEmail(String email, Saved saved) { }"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("data field 'whole': a hashed or masked value must be text, a"
                + " number, a character, a UUID or an enum constant, but saved is");
    }

    // ---------------------------------------------------------------- mistakes in expressions

    @Test
    void anUnknownName_isAnErrorNamingTheMethodTheAttributeTheExpressionAndASuggestion() {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"user.blocked\", data = @Field(name = \"kilo_user_id\", value = \"usrId\"))\n"
                + "  public int blockUser(String userId) { return 1; }"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("auditweave: @EmitsAbuseEvent(type = \"user.blocked\") on"
                + " com.acme.UserService.blockUser(String): data field 'kilo_user_id': unknown name 'usrId'; parameters"
                + " are: userId; built-ins: result, RESULT, args[i], RETURNED_ROWS, INSERTED, NOW, ACTOR, REQUEST,"
                + " TRACE, MDC; did you mean 'userId'? at column 1 in 'usrId'");
        assertThat(compilation).hadErrorContaining("usrId").inFile(compilation.sourceFiles().get(0)).onLine(7);
    }

    @Test
    void returnedRowsOnAVoidMethod_isAnError() {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"user.deleted\", when = \"RETURNED_ROWS > 0\")\n"
                + "  public void deleteUser(String userId) { }"));
        assertThat(compilation).hadErrorContaining("when: RETURNED_ROWS is always 0: com.acme.UserService"
                + ".deleteUser(String) returns void, so a guard on it can never hold");
    }

    @Test
    void aStringComparedWithAnEnumThatHasNoSuchConstant_isAnError() {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"user.active\", when = \"status == 'ACTIV'\")\n"
                + "  public void setStatus(Status status) { }"));
        assertThat(compilation).hadErrorContaining("when: 'ACTIV' is not a constant of com.acme.UserService$Status"
                + " (it has: ACTIVE, SUSPENDED), so status == 'ACTIV' is always false; did you mean 'ACTIVE'?");
    }

    @Test
    void insertedOnATypeWithoutIt_isAnError() {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"user.saved\", when = \"INSERTED\")\n"
                + "  public Saved save(String userId) { return null; }"));
        assertThat(compilation).hadErrorContaining("when: INSERTED needs a boolean result or a result with inserted()"
                + " or isInserted(), but com.acme.UserService.save(String) returns com.acme.UserService$Saved");
    }

    @Test
    void aTypeErrorAndAMissingPropertyInTheRepeatedAnnotations_areBothReported() {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"a\", when = \"userId > 1\")\n"
                + "  @EmitsAbuseEvent(type = \"b\", data = @Field(name = \"x\", value = \"RESULT.idd\"))\n"
                + "  public Saved save(String userId) { return null; }"));
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("@EmitsAbuseEvent(type = \"a\")");
        assertThat(compilation).hadErrorContaining("operator '>' cannot compare userId (a String) with 1 (a number)");
        assertThat(compilation).hadErrorContaining("data field 'x': no property 'idd' on com.acme.UserService$Saved"
                + " (it has: id); did you mean 'id'?");
    }

    @Test
    void declarationRules_areTheRuntimes() {
        Compilation compilation = compile(service(
                "  @EmitsAbuseEvent(type = \"a\", data = {@Field(name = \"x\", value = \"userId\"), @Field(name = \"x\", value = \"userId\")})\n"
                + "  public void twice(String userId) { }\n"
                + "  @EmitsAbuseEvent(type = \" \")\n"
                + "  public void blank() { }"));
        assertThat(compilation).hadErrorContaining("data: field 'x' is declared twice");
        assertThat(compilation).hadErrorContaining("type: must not be empty");
    }

    // ---------------------------------------------------------------- -parameters

    @Test
    void perSiteAspectsUnderJavac_areAnError_becauseJavacDoesNotWeaveThem() {
        Compilation compilation = compile(List.of("-parameters", "-Aauditweave.aspects=per-site"), service(
                "  @EmitsAbuseEvent(type = \"user.blocked\")\n  public void blockUser(String userId) { }"));

        assertThat(compilation).hadErrorContaining("-Aauditweave.aspects=per-site writes aspects for ajc to weave");
        assertThat(compilation).hadErrorContaining("build with aspectj-maven-plugin");
    }

    @Test
    void aParameterNameWithoutParameters_isAnErrorThatSuggestsTheCompilerSetting() {
        Compilation compilation = compile(List.of(), service(
                "  @EmitsAbuseEvent(type = \"user.blocked\", data = @Field(name = \"kilo_user_id\", value = \"userId\"))\n"
                + "  public int blockUser(String userId) { return 1; }"));
        assertThat(compilation).hadErrorContaining("data field 'kilo_user_id': parameter names are not available for"
                + " com.acme.UserService.blockUser(String): compile with -parameters (maven-compiler-plugin"
                + " <parameters>true</parameters>), or use args[0]");
    }

    @Test
    void argsWithoutParameters_compilesClean() {
        Compilation compilation = compile(List.of(), service(
                "  @EmitsAbuseEvent(type = \"user.blocked\", data = @Field(name = \"kilo_user_id\", value = \"args[0]\"))\n"
                + "  public int blockUser(String userId) { return 1; }"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    // ---------------------------------------------------------------- catalogue

    private static JavaFileObject catalog() {
        return JavaFileObjects.forSourceString("com.acme.EventTypes", IMPORTS
                + "@EventCatalog\n"
                + "public final class EventTypes {\n"
                + "  @EventSchema(\"schemas/user.blocked.json\")\n"
                + "  public static final String USER_BLOCKED = \"user.blocked\";\n"
                + "  public static final String USER_DELETED = \"user.deleted\";\n"
                + "}\n");
    }

    @Test
    void catalogue_aSiteOutsideItAndATypeWithoutASite_areWarningsByDefault() {
        Compilation compilation = compile(catalog(), service(
                "  @EmitsAbuseEvent(type = \"user.blokced\", data = @Field(name = \"kilo_user_id\", value = \"userId\"))\n"
                + "  public int blockUser(String userId) { return 1; }"));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("event type 'user.blokced' of com.acme.UserService.blockUser is"
                + " not in the catalogue com.acme.EventTypes; did you mean 'user.blocked'?");
        assertThat(compilation).hadWarningContaining("catalogue type 'user.deleted' (USER_DELETED) has no emit site");
        assertThat(compilation).hadWarningContaining("catalogue type 'user.blocked' (USER_BLOCKED) has no emit site");
    }

    @Test
    void catalogue_asErrors() {
        Compilation compilation = compile(List.of("-parameters", "-Aauditweave.catalog=error"), catalog(), service(
                "  @EmitsAbuseEvent(type = \"user.blocked\", data = @Field(name = \"kilo_user_id\", value = \"userId\"))\n"
                + "  public int blockUser(String userId) { return 1; }"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("catalogue type 'user.deleted' (USER_DELETED) has no emit site");
    }

    @Test
    void catalogue_off_reportsNothing() {
        Compilation compilation = compile(List.of("-parameters", "-Aauditweave.catalog=off"), catalog(), service(
                "  @EmitsAbuseEvent(type = \"other\")\n  public void other() { }"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void catalogue_anInvalidOption_isAnError() {
        Compilation compilation = compile(List.of("-Aauditweave.catalog=loud"), catalog());
        assertThat(compilation).hadErrorContaining("-Aauditweave.catalog=loud is not valid: use error, warn or off");
    }

    @Test
    void schema_aMissingRequiredFieldAndAFieldOutsideAClosedSchema_areReported() {
        Compilation compilation = compile(List.of("-parameters", "-Aauditweave.catalog=error"), catalog(), service(
                "  @EmitsAbuseEvent(type = \"user.blocked\", data = @Field(name = \"reasn\", value = \"userId\"))\n"
                + "  public int blockUser(String userId) { return 1; }\n"
                + "  @EmitsAbuseEvent(type = \"user.deleted\")\n  public void deleteUser() { }"));
        List<String> errors = new ArrayList<>();
        compilation.errors().forEach(error -> errors.add(error.getMessage(null)));
        assertThat(errors).hasSize(2);
        assertThat(errors).anyMatch(error -> error.contains("lacks field 'kilo_user_id', which schemas/user.blocked.json"
                + " requires"));
        assertThat(errors).anyMatch(error -> error.contains("field 'reasn' of @EmitsAbuseEvent(type = \"user.blocked\")"
                + " on com.acme.UserService.blockUser is not one of the properties of schemas/user.blocked.json"
                + " (kilo_user_id, reason); did you mean 'reason'?"));
    }

    @Test
    void schema_aMissingFile_isAnErrorOnTheSchemaAnnotation() {
        Compilation compilation = compile(List.of("-Aauditweave.catalog=error"), JavaFileObjects.forSourceString(
                "com.acme.Types", IMPORTS + "@EventCatalog public final class Types {\n"
                        + "  @EventSchema(\"schemas/none.json\") public static final String A = \"a\";\n}\n"),
                service("  @EmitsAbuseEvent(type = \"a\")\n  public void a() { }"));
        assertThat(compilation).hadErrorContaining("the schema of 'a', schemas/none.json, cannot be read");
    }
}
