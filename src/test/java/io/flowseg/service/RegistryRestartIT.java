package io.flowseg.service;

import static io.flowseg.service.HttpPolling.awaitJson;
import static io.flowseg.service.HttpPolling.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema registry goes away for 30 s in the middle of a stream and comes back on the same
 * address (its schemas kept in their topic): serve reports itself unready, then ready again by
 * itself, keeps running throughout, and every study's results are published exactly once.
 */
class RegistryRestartIT {
    private static final int STUDIES = 120;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void theRegistryGoingAwayMakesServeUnreadyNotDeadAndLosesNothing() throws Exception {
        Path log = Files.createTempFile("flowseg-registry-restart-", ".log");
        int httpPort = freePort();
        try (ServiceHarness harness = new ServiceHarness()) {
            EmbeddedRegistryConfig registryConfig = EmbeddedRegistryConfig.of(harness.broker.bootstrapServers())
                    .withAddress("127.0.0.1", freePort());
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(registryConfig);
            try {
                SchemaRegistryClient client = SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
                TopicNames topics = TopicNames.defaults();
                CommittedResults.publishStudies(harness, client, topics.studies(), "outage", STUDIES);
                Map<String, String> settings = new HashMap<>(
                        ExactlyOnceIT.serviceSettings(harness, registry, "registry-restart", "registry-restart-0"));
                settings.put("quarkus.http.port", Integer.toString(httpPort));
                String ready = "http://127.0.0.1:" + httpPort + "/q/health/ready";

                try (CommittedResults segmentations = new CommittedResults(harness, topics.segmentations());
                     ServiceProcess serve = ServiceProcess.serve(settings, log)) {
                    awaitJson(ready, body -> body.path("status").asText().equals("UP"));
                    segmentations.awaitAtLeast(20, serve::alive, log);

                    int beforeOutage = segmentations.count();
                    registry.close();
                    long down = System.nanoTime();
                    JsonNode unready = awaitJson(ready, body -> body.path("status").asText().equals("DOWN"));
                    assertEquals("DOWN", unready.path("status").asText(), "ready without a registry: " + unready);
                    double secondsToUnready = (System.nanoTime() - down) / 1e9;
                    segmentations.countFor(OUTAGE.minusNanos(System.nanoTime() - down));
                    int duringOutage = segmentations.count() - beforeOutage;
                    assertTrue(serve.alive(), "a registry outage makes serve unready, not dead");

                    registry = EmbeddedSchemaRegistry.start(registryConfig);
                    long back = System.nanoTime();
                    JsonNode readyAgain = awaitJson(ready, body -> body.path("status").asText().equals("UP"));
                    assertEquals("UP", readyAgain.path("status").asText(), "not ready again by itself: " + readyAgain);
                    double secondsToReady = (System.nanoTime() - back) / 1e9;

                    segmentations.awaitAtLeast(STUDIES, serve::alive, log);
                    int exit = serve.stop();
                    assertTrue(exit == 0 || exit == 143, "exit code " + exit);
                    System.out.printf("registry drill: %d studies, registry away %d s; unready after %.1f s, ready"
                                    + " %.1f s after it returned; %d results committed during the outage%n",
                            STUDIES, OUTAGE.toSeconds(), secondsToUnready, secondsToReady, duringOutage);
                }

                CommittedResults.assertEveryStudyOnce(harness, client, topics, STUDIES);
            } finally {
                registry.close();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
