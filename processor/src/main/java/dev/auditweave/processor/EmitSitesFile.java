package dev.auditweave.processor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@value #PATH}: every emit site the build checked, for the runtime to compile at start-up and to
 * cross-check against the classes it loads.
 *
 * <pre>{@code
 * {"version":1,"sites":[{"class":"com.acme.UserService","method":"blockUser",
 *   "descriptor":"(Ljava/lang/String;Ljava/lang/String;)I","type":"user.blocked","guard":"RETURNED_ROWS > 0",
 *   "fields":["kilo_user_id","reason"],"phase":"AFTER_COMMIT","on":"RETURNED","enrich":[]}]}
 * }</pre>
 */
final class EmitSitesFile {

    static final String PATH = "META-INF/auditweave/emit-sites.json";

    private EmitSitesFile() {
    }

    /** Writes {@code text}, what {@link #render} made of the sites. */
    static void write(Filer filer, String text) throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
        try (Writer out = file.openWriter()) {
            out.write(text);
        }
    }

    /** The file's text for {@code sites}. */
    static String render(List<EmitSite> sites) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("version", 1);
            json.writeArrayFieldStart("sites");
            for (EmitSite site : sites) {
                json.writeStartObject();
                json.writeStringField("class", site.className());
                json.writeStringField("method", site.method());
                json.writeStringField("descriptor", site.descriptor());
                json.writeStringField("type", site.type());
                json.writeStringField("guard", site.guard());
                strings(json, "fields", site.fields());
                json.writeStringField("phase", site.phase());
                json.writeStringField("on", site.on());
                strings(json, "enrich", site.enrich());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
