package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exactly once, the hard way: a real {@code flowseg serve} process works through 200 studies and
 * is killed with SIGKILL three times along the way; a read_committed consumer must then see each
 * study's segmentation, uncertainty map and alert exactly once: none lost, none duplicated. The
 * studies mix priorities and costs, so results are often published ahead of earlier offsets and
 * a restart must skip what the commit's metadata says was published.
 */
class ExactlyOnceIT {
    private static final int STUDIES = 200;
    private static final int[] KILL_AFTER = {30, 80, 130};

    @Test
    void survivesThreeKillsWithoutLossOrDuplicates() throws Exception {
        Path log = Files.createTempFile("flowseg-exactly-once-", ".log");
        try (ServiceHarness harness = new ServiceHarness();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                     EmbeddedRegistryConfig.of(harness.broker.bootstrapServers()))) {
            SchemaRegistryClient client = SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
            TopicNames topics = TopicNames.defaults();
            CommittedResults.publishStudies(harness.connection(), client, topics.studies(), "eos", STUDIES);
            // The same instance id across restarts.
            Map<String, String> settings = serviceSettings(harness.broker.bootstrapServers(), registry.url(),
                    "exactly-once-it", "exactly-once-it-0");

            try (CommittedResults segmentations = new CommittedResults(harness.connection(), topics.segmentations())) {
                for (int killAt : KILL_AFTER) {
                    try (ServiceProcess service = ServiceProcess.serve(settings, log)) {
                        segmentations.awaitAtLeast(killAt, service::alive, log);
                        service.kill();
                    }
                }
                try (ServiceProcess service = ServiceProcess.serve(settings, log)) {
                    segmentations.awaitAtLeast(STUDIES, service::alive, log);
                    int exit = service.stop();
                    // A JVM ended by SIGTERM exits with 128 + 15 however cleanly it shut down.
                    assertTrue(exit == 0 || exit == 143, "exit code " + exit);
                    String output = Files.readString(log);
                    assertTrue(output.contains("stopped gracefully"), "graceful stop not logged:\n"
                            + output.substring(Math.max(0, output.length() - 3000)));
                }
            }

            CommittedResults.assertEveryStudyOnce(harness.connection(), client, topics, STUDIES);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** A serve process of {@code group}, its own transactional id, and a policy that alerts on every study. */
    static Map<String, String> serviceSettings(String bootstrapServers, String registryUrl, String group,
                                               String transactionalId) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", bootstrapServers);
        // A killed member leaves the group when its session times out; keep that short.
        settings.put("kafka.session.timeout.ms", "6000");
        settings.put("flowseg.registry.url", registryUrl);
        settings.put("flowseg.processor.group-id", group);
        settings.put("flowseg.processor.transactional-id", transactionalId);
        settings.put("flowseg.alerts.figure", "meanVariance");
        settings.put("flowseg.alerts.comparator", "GE");
        settings.put("flowseg.alerts.threshold", "0");
        settings.put("quarkus.http.port", "0");
        return settings;
    }
}
