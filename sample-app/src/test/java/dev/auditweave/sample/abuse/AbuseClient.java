package dev.auditweave.sample.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The tests' HTTP client of the abuse service: requests with or without the CF-Access credentials. */
final class AbuseClient {

    static final String ID = "test-client";
    static final String SECRET = "test-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: its status and its JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    AbuseClient(URI base) {
        this.base = base;
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send(credentials(request(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer postWithout(String path, String body) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String body) throws IOException, InterruptedException {
        return send(credentials(request(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer putAs(String editor, String path, String body) throws IOException, InterruptedException {
        return send(credentials(request(path)).header(CfAccess.USER_EMAIL_HEADER, editor)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** {@code {"events":[{id, type, occurred_at, data}]}} of one event. */
    static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    static String event(String id, String type, String data) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurred_at\":1716000000000,\"data\":" + data + "}";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    private static HttpRequest.Builder credentials(HttpRequest.Builder request) {
        return request.header(CfAccess.CLIENT_ID_HEADER, ID).header(CfAccess.CLIENT_SECRET_HEADER, SECRET);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body().isEmpty() ? "null" : response.body()));
    }
}
