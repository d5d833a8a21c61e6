package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.wire.AvroEventDecoder;
import io.flowseg.wire.AvroEventEncoder;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SubjectNameStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Exactly once, the hard way: a real {@code flowseg serve} process works through 200 studies and
 * is killed with SIGKILL three times along the way; a read_committed consumer must then see each
 * study's segmentation, uncertainty map and alert exactly once: none lost, none duplicated.
 */
class ExactlyOnceIT {
    private static final int STUDIES = 200;
    private static final int[] KILL_AFTER = {30, 80, 130};
    private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void survivesThreeKillsWithoutLossOrDuplicates() throws Exception {
        Path log = Files.createTempFile("flowseg-exactly-once-", ".log");
        try (ServiceHarness harness = new ServiceHarness();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                     EmbeddedRegistryConfig.of(harness.broker.bootstrapServers()))) {
            SchemaRegistryClient client = SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
            TopicNames topics = TopicNames.defaults();
            publishStudies(harness, client, topics);
            Map<String, String> settings = serviceSettings(harness, registry);

            try (Committed segmentations = new Committed(harness, topics.segmentations())) {
                for (int killAt : KILL_AFTER) {
                    try (ServiceProcess service = ServiceProcess.serve(settings, log)) {
                        segmentations.awaitAtLeast(killAt, service, log);
                        service.kill();
                    }
                }
                try (ServiceProcess service = ServiceProcess.serve(settings, log)) {
                    segmentations.awaitAtLeast(STUDIES, service, log);
                    int exit = service.stop();
                    // A JVM ended by SIGTERM exits with 128 + 15 however cleanly it shut down.
                    assertTrue(exit == 0 || exit == 143, "exit code " + exit);
                    String output = Files.readString(log);
                    assertTrue(output.contains("stopped gracefully"), "graceful stop not logged:\n"
                            + output.substring(Math.max(0, output.length() - 3000)));
                }
            }

            assertOncePerStudy(harness, topics.segmentations(),
                    bytes -> new AvroEventDecoder<>(client, SegmentationResult.class).decode(bytes).getStudy()
                            .getStudyId());
            assertOncePerStudy(harness, topics.uncertainty(),
                    bytes -> new AvroEventDecoder<>(client, UncertaintyMap.class).decode(bytes).getStudy()
                            .getStudyId());
            assertOncePerStudy(harness, topics.alerts(),
                    bytes -> new AvroEventDecoder<>(client, UncertaintyAlert.class).decode(bytes).getStudy()
                            .getStudyId());
            assertTrue(harness.readUntil(topics.deadLetter(), read -> false).isEmpty(), "no dead letters");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void publishStudies(ServiceHarness harness, SchemaRegistryClient client, TopicNames topics) {
        AvroEventEncoder encoder = new AvroEventEncoder(client, SubjectNameStrategy.TOPIC_NAME, true);
        List<ProducerRecord<byte[], byte[]>> events = new ArrayList<>();
        for (int i = 0; i < STUDIES; i++) {
            ImageStudy study = StudyEvents.study(String.format("eos-%03d", i)).build();
            events.add(new ProducerRecord<>(topics.studies(), encoder.encode(topics.studies(), true,
                    study.getStudyId()), encoder.encode(topics.studies(), false, study)));
        }
        harness.produce(topics.studies(), events);
    }

    /** The same instance id across restarts, and a policy that alerts on every study. */
    private static Map<String, String> serviceSettings(ServiceHarness harness, EmbeddedSchemaRegistry registry) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", harness.broker.bootstrapServers());
        // A killed member leaves the group when its session times out; keep that short.
        settings.put("kafka.session.timeout.ms", "6000");
        settings.put("flowseg.registry.url", registry.url());
        settings.put("flowseg.processor.group-id", "exactly-once-it");
        settings.put("flowseg.processor.transactional-id", "exactly-once-it-0");
        settings.put("flowseg.alerts.figure", "meanVariance");
        settings.put("flowseg.alerts.comparator", "GE");
        settings.put("flowseg.alerts.threshold", "0");
        settings.put("quarkus.http.port", "0");
        return settings;
    }

    private static void assertOncePerStudy(ServiceHarness harness, String topic, Function<byte[], String> studyOf) {
        List<ConsumerRecord<byte[], byte[]>> records = harness.readUntil(topic, read -> read.size() >= STUDIES);
        Map<String, Long> counts = records.stream()
                .collect(Collectors.groupingBy(r -> studyOf.apply(r.value()), Collectors.counting()));
        assertEquals(STUDIES, counts.size(), topic + ": studies with a record");
        List<String> duplicated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        assertTrue(duplicated.isEmpty(), topic + ": published more than once: " + duplicated);
        assertEquals(STUDIES, records.size(), topic + ": records");
    }

    /** A read_committed count of a topic's records, kept up to date while the service runs. */
    private static final class Committed implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private int count;

        Committed(ServiceHarness harness, String topic) {
            Map<String, Object> config = new HashMap<>(harness.connection());
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer = new KafkaConsumer<>(config);
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
        }

        void awaitAtLeast(int target, ServiceProcess service, Path log) throws Exception {
            long deadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
            while (count < target) {
                if (!service.alive() || System.nanoTime() > deadline) {
                    throw new AssertionError("serve " + (service.alive() ? "made no progress" : "exited")
                            + " at " + count + " of " + target + " results; its log:\n" + Files.readString(log));
                }
                count += consumer.poll(Duration.ofMillis(100)).count();
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
