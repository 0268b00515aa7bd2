package dev.auditweave.sample.abuse;

import static dev.auditweave.sample.abuse.AbuseClient.batch;
import static dev.auditweave.sample.abuse.AbuseClient.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live page in a real browser: the service on a free loopback port, events sent over HTTP, then headless
 * Chromium renders the page (its script polls {@code /api/state}) and the test asserts on the DOM it dumps, and saves
 * {@code target/abuse-page.png}. Skipped, saying so, when no Chromium is installed.
 */
class AbusePageIT {

    private static final Path TARGET = Path.of("target");
    private static final int VIRTUAL_TIME_MILLIS = 5000;

    private AbuseService service;
    private AbuseClient client;

    @BeforeEach
    void start() throws Exception {
        service = AbuseService.start(AbuseServiceConfig.local("abuse-page-" + UUID.randomUUID(), AbuseClient.ID,
                AbuseClient.SECRET, Allowlist.of(List.of("10.0.0.0/8")),
                List.of(new Editor("ops@kilo.example", Editor.ANY_ORGANIZATION))), Clock.systemUTC());
        client = new AbuseClient(service.pageUrl());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void page_showsEventsScoresThresholdsAndTheNotSentList() throws Exception {
        Optional<HeadlessChromium> browser = HeadlessChromium.find();
        assumeTrue(browser.isPresent(), "no headless browser: neither chromium nor chromium-browser is on the PATH "
                + "and -D" + HeadlessChromium.PROPERTY + "=<path> is not set (Debian: apt-get install chromium)");
        String fraud = event("e-1", "stripe.radar.early_fraud_warning.created", "{\"customer\":\"cus_fraud\"}");
        assertThat(client.post("/api/events", batch(fraud,
                event("e-2", "stripe.charge.dispute.created", "{\"customer\":\"cus_fraud\"}"),
                event("e-3", "org.member_added", "{\"kilo_user_id\":\"u-1001\",\"organization_id\":\"o-acme\"}"),
                event("e-4", "brand.new.type", "{\"kilo_user_id\":\"u-1001\"}"))).status()).isEqualTo(200);
        assertThat(client.post("/api/events", batch(fraud)).body().get("duplicates").asInt()).isEqualTo(1);
        assertThat(client.post("/api/auth-event", "{\"kilo_user_id\":\"u-1002\",\"event_type\":\"signin\","
                + "\"ip_address\":\"10.1.2.3\"}").status()).isEqualTo(200);
        assertThat(client.put("/api/admin/thresholds", "{\"scope\":\"stripe.charge.failed\",\"low\":10,"
                + "\"medium\":20,\"high\":30}").status()).isEqualTo(200);
        assertThat(client.post("/api/demo/not-sent", "{\"run\":\"javaagent\",\"items\":[{\"sink\":\"abuse\","
                + "\"step\":4,\"description\":\"block Alice again\",\"why\":\"the UPDATE changed no row\","
                + "\"ok\":true}]}").status()).isEqualTo(200);
        Files.createDirectories(TARGET);
        Path log = TARGET.resolve("abuse-page-chromium.log");

        String dom = browser.get().dumpDom(service.pageUrl().toString(), VIRTUAL_TIME_MILLIS, log);

        assertThat(dom).as("the script has polled /api/state").contains("<span id=\"status\">up</span>");
        assertThat(dom).as("identity scores and bands")
                .contains("<tr data-subject=\"cus_fraud\" data-band=\"high\"><td>cus_fraud</td><td class=\"score\">90</td>")
                .contains("data-subject=\"u-1001\" data-band=\"none\"")
                .contains("data-subject=\"u-1002\" data-band=\"none\"");
        assertThat(dom).as("events as they arrived: 5 rows, the duplicate dropped")
                .contains("data-log-id=\"5\" data-type=\"auth.signin\" data-band=\"allowlisted\"")
                .contains("data-type=\"stripe.charge.dispute.created\" data-band=\"high\"")
                .contains("brand.new.type (unknown type)")
                .contains("{\"customer\":\"cus_fraud\"}")
                .doesNotContain("data-log-id=\"6\"");
        assertThat(dom).as("the thresholds")
                .contains("<tr data-scope=\"*\"><td>* (default)</td><td class=\"low\">30</td><td class=\"medium\">60</td>"
                        + "<td class=\"high\">85</td></tr>")
                .contains("<tr data-scope=\"stripe.charge.failed\"><td>stripe.charge.failed</td><td class=\"low\">10</td>")
                .contains("<span id=\"allowlist\">10.0.0.0/8</span>");
        assertThat(dom).as("the demo's rightly-not-sent list")
                .contains("<li class=\"ok\">[javaagent, sink abuse] step 4: block Alice again: the UPDATE changed no row</li>");
        assertThat(dom).as("counters").contains("<b id=\"duplicates\">1</b>")
                .contains("<span id=\"unknown-types\">brand.new.type</span>");

        Path png = TARGET.resolve("abuse-page.png");
        Files.deleteIfExists(png);
        browser.get().screenshot(service.pageUrl().toString(), VIRTUAL_TIME_MILLIS, png, log);
        byte[] image = Files.readAllBytes(png);
        assertThat(image).as("a PNG").startsWith(0x89, 'P', 'N', 'G');
    }
}
