package dev.auditweave.it.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An administrator's browser-like session with the sample app, over {@link HttpClient}: form login (the CSRF
 * token from the login page, the session cookie), then the moderation API with the session's CSRF token in its
 * header; and the public Stripe webhook. Every call returns the parsed answer or fails with status and body.
 */
final class SampleAppSession {

    static final String ADMIN_EMAIL = "admin@example.com";
    /** The client a sign-up comes from, forwarded by the test as a proxy on loopback would. */
    static final String CLIENT_ADDRESS = "203.0.113.7";
    /** The User-Agent a sign-up sends. */
    static final String USER_AGENT = "auditweave-it/1.0 (SpringAppIT)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String csrfHeader;
    private String csrfToken;

    private SampleAppSession(URI base) {
        this.base = base;
    }

    /** Logs in through the form as the configured administrator. */
    static SampleAppSession logIn(URI base, String password) throws IOException, InterruptedException {
        SampleAppSession session = new SampleAppSession(base);
        session.formLogin(password);
        return session;
    }

    private void formLogin(String password) throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/login")).GET());
        expect(page, 200);
        Matcher token = LOGIN_CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("no _csrf field on the login page:\n" + page.body());
        }
        String form = "username=" + encode(ADMIN_EMAIL) + "&password=" + encode(password)
                + "&_csrf=" + encode(token.group(1));
        // As a browser behind the trusted proxy: the sign-in's auth event reads both (SpringAppIT, issue 15).
        HttpResponse<String> login = send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", USER_AGENT).header("X-Forwarded-For", CLIENT_ADDRESS)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("login failed: " + login.statusCode() + " Location: " + location);
        }
        // The login rotates the CSRF token: take the session's new one.
        JsonNode csrf = json(expect(send(HttpRequest.newBuilder(base.resolve("/api/csrf")).GET()), 200));
        csrfHeader = csrf.path("headerName").asText();
        csrfToken = csrf.path("token").asText();
    }

    /** {@code POST /api/users/{id}/block}: the rows updated. */
    int block(String userId, String reason) throws IOException, InterruptedException {
        return rows(change("POST", "/api/users/" + userId + "/block?reason=" + encode(reason)));
    }

    /** {@code POST /api/users/{id}/unblock}: the rows updated. */
    int unblock(String userId) throws IOException, InterruptedException {
        return rows(change("POST", "/api/users/" + userId + "/unblock"));
    }

    /** {@code PUT /api/orgs/{org}/members/{user}}: whether a membership was inserted. */
    boolean addMember(String organizationId, String userId, String role) throws IOException, InterruptedException {
        return change("PUT", "/api/orgs/" + organizationId + "/members/" + userId + "?role=" + encode(role))
                .path("inserted").asBoolean();
    }

    /** {@code DELETE /api/orgs/{org}/members/{user}}: the rows deleted. */
    int removeMember(String organizationId, String userId) throws IOException, InterruptedException {
        return rows(change("DELETE", "/api/orgs/" + organizationId + "/members/" + userId));
    }

    /** {@code POST /webhooks/stripe} (public, no CSRF, as Stripe calls it): the deliveries of this event id so far. */
    int stripeWebhook(String eventJson) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(eventJson)));
        return json(expect(response, 200)).path("deliveries").asInt();
    }

    /** {@code GET /api/users/{id}}: {@code {id, displayName, blocked}}. */
    JsonNode user(String userId) throws IOException, InterruptedException {
        return json(expect(send(HttpRequest.newBuilder(base.resolve("/api/users/" + userId)).GET()), 200));
    }

    /** Whether {@code GET /api/users/{id}} finds the user (200), or not (404). */
    boolean exists(String userId) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/users/" + userId)).GET());
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new AssertionError("GET " + response.uri() + " answered " + response.statusCode()
                    + " (expected 200 or 404): " + response.body());
        }
        return response.statusCode() == 200;
    }

    /**
     * {@code POST /api/auth/signup/invited?userId=...&email=...&organizationId=...&role=...}: the HTTP status, 409
     * when the id is taken. Sent with the {@link #USER_AGENT} and, as from a proxy, {@link #CLIENT_ADDRESS} in
     * {@code X-Forwarded-For}.
     */
    int signUpInvited(String userId, String email, String organizationId, String role)
            throws IOException, InterruptedException {
        return status("POST", "/api/auth/signup/invited?userId=" + encode(userId) + "&email=" + encode(email)
                + "&organizationId=" + encode(organizationId) + "&role=" + encode(role),
                "User-Agent", USER_AGENT, "X-Forwarded-For", CLIENT_ADDRESS);
    }

    /** {@code PUT /api/users/{id}/display-name?name=...} (its own transaction): the HTTP status, 409 when refused. */
    int rename(String userId, String name) throws IOException, InterruptedException {
        return status("PUT", "/api/users/" + userId + "/display-name?name=" + encode(name));
    }

    /**
     * {@code POST /api/tx/users/{id}/{outcome}?name=value&...}, one of the sample's transaction outcomes: the HTTP
     * status (409 when the outer method threw, after its transaction rolled back).
     */
    int transactionOutcome(String userId, String outcome, Map<String, String> parameters)
            throws IOException, InterruptedException {
        String query = parameters.entrySet().stream().map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return status("POST", "/api/tx/users/" + userId + "/" + outcome + "?" + query);
    }

    /** {@code GET /actuator/auditweave}: the emit sites and the counters, as the starter's endpoint lists them. */
    JsonNode auditweaveEndpoint() throws IOException, InterruptedException {
        return json(expect(send(HttpRequest.newBuilder(base.resolve("/actuator/auditweave")).GET()), 200));
    }

    private JsonNode change(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
                .header(csrfHeader, csrfToken)
                .method(method, HttpRequest.BodyPublishers.noBody()));
        return json(expect(response, 200));
    }

    /** {@code headers}: more request headers, as name, value, name, value... */
    private int status(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header(csrfHeader, csrfToken);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200 && response.statusCode() != 409) {
            throw new AssertionError(method + " " + response.uri() + " answered " + response.statusCode()
                    + " (expected 200 or 409): " + response.body());
        }
        return response.statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.headers().map() + "\n"
                    + response.body());
        }
        return response;
    }

    private static int rows(JsonNode answer) {
        return answer.path("rows").asInt(-1);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
