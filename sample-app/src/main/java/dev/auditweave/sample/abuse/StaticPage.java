package dev.auditweave.sample.abuse;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Serves the live page's three files from the jar: {@code /}, {@code /app.js}, {@code /style.css}. */
final class StaticPage {

    private static final String ROOT = "/dev/auditweave/sample/abuse/page/";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/style.css", "style.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private StaticPage() {
    }

    static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String file = FILES.get(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod()) || file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (InputStream in = StaticPage.class.getResourceAsStream(ROOT + file)) {
                if (in == null) {
                    throw new IOException("the page's " + file + " is missing from the jar");
                }
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
