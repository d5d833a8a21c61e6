package io.flowseg.service;

import static io.flowseg.service.HttpPolling.awaitJson;
import static io.flowseg.service.HttpPolling.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowseg.config.TopicNames;
import io.flowseg.wire.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The restart drills' stream: one {@code flowseg serve} process works through studies while
 * something it depends on goes away in the middle and comes back on the same address. Serve must
 * report itself unready, stay alive, become ready again by itself, and publish every study's
 * results exactly once.
 */
final class OutageDrill {
    private static final int RESULTS_BEFORE_OUTAGE = 20;

    /** One step of an outage, e.g. closing the registry. */
    interface Step {
        void run() throws Exception;
    }

    /** What goes away ({@code begin}), for how long, and how it comes back ({@code end}, returning once it answers). */
    record Outage(Duration length, Step begin, Step end) {
    }

    /**
     * Seconds from the outage's start until serve said it was unready, that {@code end} took to bring
     * the dependency back, from then until serve was ready again, and the results committed during the
     * outage.
     */
    record Figures(double secondsToUnready, double secondsToReturn, double secondsToReady, int resultsDuringOutage) {
    }

    private OutageDrill() {
    }

    /**
     * Publishes {@code studies} studies, starts serve with {@code settings} (its HTTP port added),
     * puts it through the outage once {@value #RESULTS_BEFORE_OUTAGE} results are committed, and
     * checks every study's results exactly once at the end.
     */
    static Figures run(Map<String, Object> connection, SchemaRegistryClient client, Map<String, String> settings,
                       int studies, Outage outage) throws Exception {
        Path log = Files.createTempFile("flowseg-outage-drill-", ".log");
        try {
            TopicNames topics = TopicNames.defaults();
            CommittedResults.publishStudies(connection, client, topics.studies(), "outage", studies);
            int httpPort = freePort();
            Map<String, String> serveSettings = new HashMap<>(settings);
            serveSettings.put("quarkus.http.port", Integer.toString(httpPort));
            String ready = "http://127.0.0.1:" + httpPort + "/q/health/ready";

            Figures figures;
            try (CommittedResults segmentations = new CommittedResults(connection, topics.segmentations());
                 ServiceProcess serve = ServiceProcess.serve(serveSettings, log)) {
                awaitJson(ready, body -> body.path("status").asText().equals("UP"));
                segmentations.awaitAtLeast(RESULTS_BEFORE_OUTAGE, serve::alive, log);

                int beforeOutage = segmentations.count();
                outage.begin().run();
                long down = System.nanoTime();
                JsonNode unready = awaitJson(ready, body -> body.path("status").asText().equals("DOWN"));
                assertEquals("DOWN", unready.path("status").asText(), "ready during the outage: " + unready);
                double secondsToUnready = (System.nanoTime() - down) / 1e9;
                segmentations.countFor(outage.length().minusNanos(System.nanoTime() - down));
                int duringOutage = segmentations.count() - beforeOutage;
                assertTrue(serve.alive(), "an outage makes serve unready, not dead");

                long returning = System.nanoTime();
                outage.end().run();
                long back = System.nanoTime();
                double secondsToReturn = (back - returning) / 1e9;
                JsonNode readyAgain = awaitJson(ready, body -> body.path("status").asText().equals("UP"));
                assertEquals("UP", readyAgain.path("status").asText(), "not ready again by itself: " + readyAgain);
                double secondsToReady = (System.nanoTime() - back) / 1e9;
                figures = new Figures(secondsToUnready, secondsToReturn, secondsToReady, duringOutage);

                segmentations.awaitAtLeast(studies, serve::alive, log);
                int exit = serve.stop();
                assertTrue(exit == 0 || exit == 143, "exit code " + exit);
            }

            CommittedResults.assertEveryStudyOnce(connection, client, topics, studies);
            return figures;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
