package io.flowseg.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowseg.streaming.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser (Debian's headless Chromium, driven over the DevTools protocol):
 * {@code flowseg demo --stay} streams studies under a policy that alerts on every one, the page is
 * loaded while they stream, and a case that arrives after it loaded must appear without a reload,
 * with its overlay and heat map rendered. The screenshot is kept in target/ for a person to look at.
 */
class DashboardBrowserIT {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration LIVE_TIMEOUT = Duration.ofMinutes(4);
    static final Path SCREENSHOT = Path.of("target", "dashboard-it.png");

    @Test
    void aNewAlertAppearsLiveWithItsImages(@TempDir Path work) throws Exception {
        Optional<Path> chromium = ChromeDevTools.findChromium();
        assertTrue(chromium.isPresent(), "Chromium is missing: .ci/run installs Debian's chromium");
        int port = freePort();
        Path log = work.resolve("demo.log");
        try (ServiceProcess demo = ServiceProcess.start(Map.of("quarkus.http.port", Integer.toString(port),
                        "flowseg.alerts.figure", "meanVariance", "flowseg.alerts.comparator", "GE",
                        "flowseg.alerts.threshold", "0", "flowseg.alerts.severity", "CRITICAL"), log,
                List.of("demo", "--synthetic", "4", "--steps", "2", "--stay", "--out", work.resolve("out").toString()))) {
            String page = "http://localhost:" + port + "/";
            awaitHttp(page + "q/health/live", demo, log);
            try (ChromeDevTools chrome = ChromeDevTools.launch(chromium.get(), work.resolve("profile"), freePort())) {
                chrome.navigate(page);
                JsonNode live = awaitJs(chrome, demo, log, """
                        (() => { const card = document.querySelector('article.case[data-live="true"]');
                          if (!card) return null;
                          const images = [...card.querySelectorAll('img')];
                          if (images.length < 2 || images.some(i => i.dataset.loaded !== 'true')) return null;
                          return { study: card.dataset.studyId, images: images.length,
                                   widths: images.map(i => i.naturalWidth),
                                   badge: card.textContent.includes('CRITICAL'),
                                   connection: document.getElementById('connection').textContent,
                                   rates: document.getElementById('rates').textContent }; })()""");
                Files.createDirectories(SCREENSHOT.getParent());
                Files.write(SCREENSHOT, chrome.screenshot());

                assertTrue(live.get("study").asText().length() > 0);
                live.get("widths").forEach(width -> assertTrue(width.asInt() > 0, "an image rendered: " + live));
                assertTrue(live.get("badge").asBoolean(), "the alert's severity is shown: " + live);
                assertTrue(live.get("connection").asText().contains("live"), "connected: " + live);
                assertTrue(live.get("rates").asText().contains("lidc-demo"), "alert rates per site: " + live);
            }
            int exit = demo.stop();
            // A JVM ended by SIGTERM exits with 128 + 15 however cleanly it shut down.
            assertTrue(exit == 0 || exit == 143, "demo --stay stops on SIGTERM; exit " + exit);
        }
    }

    private static JsonNode awaitJs(ChromeDevTools chrome, ServiceProcess demo, Path log, String expression)
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
