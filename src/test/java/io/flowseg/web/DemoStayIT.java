package io.flowseg.web;

import static io.flowseg.service.HttpPolling.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.service.ServiceProcess;
import io.flowseg.uncertainty.UncertaintyFigure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowseg demo --stay} from the packaged jar, as a newcomer runs it, under an initial policy
 * that alerts on every study: the dashboard in a real browser (Debian's headless Chromium, driven
 * over the DevTools protocol), where a case that arrives after the page loaded must appear without
 * a reload with its overlay and heat map rendered (the screenshot is kept in target/ for a person
 * to look at); and the policy API, whose writes change what alerts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoStayIT {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration LIVE_TIMEOUT = Duration.ofMinutes(4);
    static final Path SCREENSHOT = Path.of("target", "dashboard-it.png");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static ServiceProcess demo;
    private static Path log;
    private static String base;

    @BeforeAll
    static void startDemo() throws Exception {
        int port = freePort();
        log = work.resolve("demo.log");
        demo = ServiceProcess.start(Map.of("quarkus.http.port", Integer.toString(port),
                        "flowseg.alerts.figure", "meanVariance", "flowseg.alerts.comparator", "GE",
                        "flowseg.alerts.threshold", "0", "flowseg.alerts.severity", "CRITICAL"), log,
                List.of("demo", "--synthetic", "4", "--steps", "2", "--stay", "--out", work.resolve("out").toString()));
        base = "http://localhost:" + port + "/";
        awaitHttp(base + "q/health/live", demo, log);
    }

    @AfterAll
    static void stopDemo() throws Exception {
        int exit = demo.stop();
        // A JVM ended by SIGTERM exits with 128 + 15 however cleanly it shut down.
        assertTrue(exit == 0 || exit == 143, "demo --stay stops on SIGTERM; exit " + exit);
    }

    @Test
    @Order(1)
    void aNewAlertAppearsLiveWithItsImages() throws Exception {
        Optional<Path> chromium = ChromeDevTools.findChromium();
        assertTrue(chromium.isPresent(), "Chromium is missing: .ci/run installs Debian's chromium");
        {
            String page = base;
            try (ChromeDevTools chrome = ChromeDevTools.launch(chromium.get(), work.resolve("profile"), freePort())) {
                chrome.navigate(page);
                JsonNode live = awaitJs(chrome, """
                        (() => { const card = document.querySelector('article.case[data-live="true"]');
                          if (!card) return null;
                          const images = [...card.querySelectorAll('img')];
                          if (images.length < 2 || images.some(i => i.dataset.loaded !== 'true')) return null;
                          const rates = document.getElementById('rates').textContent;
                          if (!rates.includes('lidc-demo')) return null; // the stats event comes every 5 s
                          return { study: card.dataset.studyId, images: images.length,
                                   widths: images.map(i => i.naturalWidth),
                                   badge: card.textContent.includes('CRITICAL'),
                                   figures: [...card.querySelectorAll('table.figures tr')].map(r => r.dataset.figure),
                                   diversity: card.querySelector('tr[data-figure="sampleDiversity"] th')?.textContent,
                                   connection: document.getElementById('connection').textContent,
                                   rates: rates }; })()""");
                Files.createDirectories(SCREENSHOT.getParent());
                Files.write(SCREENSHOT, chrome.screenshot());

                assertTrue(live.get("study").asText().length() > 0);
                live.get("widths").forEach(width -> assertTrue(width.asInt() > 0, "an image rendered: " + live));
                assertTrue(live.get("badge").asBoolean(), "the alert's severity is shown: " + live);
                assertTrue(live.get("connection").asText().contains("live"), "connected: " + live);
                List<String> shown = new ArrayList<>();
                live.get("figures").forEach(id -> shown.add(id.asText()));
                List<String> catalogue = new ArrayList<>(Arrays.stream(UncertaintyFigure.values()).map(UncertaintyFigure::id).toList());
                catalogue.add("guidance");
                assertEquals(catalogue, shown, "the card lists the catalogue's figures, in its order: " + live);
                assertEquals(UncertaintyFigure.SAMPLE_DIVERSITY.label(), live.get("diversity").asText(), "labelled from /api/figures");
                assertTrue(live.get("rates").asText().contains("lidc-demo"), "alert rates per site: " + live);
            }
        }
    }

    @Test
    @Order(2)
    void thePolicyApiValidatesWritesThatAreInEffectWhenTheyAnswer() throws Exception {
        HttpResponse<String> created = send("PUT", "api/policies/site-quiet", """
                {"scope": {"site": "synthetic"}, "figure": "meanVariance", "comparator": "GT", "threshold": 1,
                 "severity": "INFO", "description": "never fires: the synthetic site's studies stay quiet"}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode policy = JSON.readTree(created.body());
        assertEquals("synthetic", policy.path("scope").path("site").asText());
        assertTrue(policy.path("scope").path("modality").isNull(), "an absent scope field is a wildcard");

        JsonNode listed = JSON.readTree(send("GET", "api/policies", null).body());
        List<String> ids = new java.util.ArrayList<>();
        listed.forEach(p -> ids.add(p.path("id").asText()));
        assertEquals(List.of("default-uncertain-region", "site-quiet"), ids, "in effect as soon as the write answered");

        assertEquals(409, send("POST", "api/policies", "{\"id\": \"site-quiet\", \"figure\": \"meanVariance\", "
                + "\"comparator\": \"GT\", \"threshold\": 1, \"severity\": \"INFO\", \"description\": \"x\"}")
                .statusCode(), "POST does not replace");
        HttpResponse<String> bad = send("PUT", "api/policies/bad", "{\"figure\": \"loudness\", \"comparator\": \"GT\", "
                + "\"threshold\": 1, \"severity\": \"INFO\", \"description\": \"x\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("figure", JSON.readTree(bad.body()).path("field").asText(), bad.body());
        assertEquals(404, send("GET", "api/policies/bad", null).statusCode(), "a rejected write writes nothing");
        String oversized = "{\"description\": \"" + "x".repeat(70 * 1024) + "\"}";
        assertEquals(413, send("PUT", "api/policies/bad", oversized).statusCode(),
                "a body over quarkus.http.limits.max-body-size is refused before it is parsed");

        HttpResponse<String> disabled = send("POST", "api/policies/site-quiet/disable", null);
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(!JSON.readTree(disabled.body()).path("enabled").asBoolean(), disabled.body());

        JsonNode alerts = JSON.readTree(send("GET", "api/alerts?limit=5&severity=critical", null).body());
        assertTrue(alerts.size() > 0, "recent alerts: " + alerts);
        assertEquals("default-uncertain-region", alerts.get(0).path("alert").path("policyId").asText());
        assertTrue(alerts.get(0).path("raisedAt").asText().endsWith("Z"), alerts.toString());
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitJs(ChromeDevTools chrome, String expression)
            throws Exception {
        long deadline = System.nanoTime() + LIVE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode value = chrome.evaluate(expression);
            if (value != null && !value.isNull()) {
                return value;
            }
            if (!demo.alive()) {
                throw new AssertionError("demo exited:\n" + Files.readString(log));
            }
            Thread.sleep(500);
        }
        Files.write(SCREENSHOT, chrome.screenshot());
        throw new AssertionError("no live case with rendered images within " + LIVE_TIMEOUT + "; page in "
                + SCREENSHOT + "; demo log:\n" + tail(log));
    }

    private static void awaitHttp(String url, ServiceProcess demo, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!demo.alive()) {
                throw new AssertionError("demo exited:\n" + Files.readString(log));
            }
            Thread.sleep(500);
        }
        throw new AssertionError(url + " did not answer; demo log:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 4000));
    }
}
