package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.config.TopicNames;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StudyPriority;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.wire.AvroEventDecoder;
import io.flowseg.wire.AvroEventEncoder;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SubjectNameStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The drills' side of the stream: studies published with mixed priorities and costs (so results
 * are published out of partition order), a read_committed count of a result topic kept up to
 * date while serve processes work, and the exactly-once check at the end.
 */
final class CommittedResults implements AutoCloseable {
    /** The longest wait for the next result. */
    private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private int count;

    CommittedResults(Map<String, Object> connection, String topic) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        TestClients.readFromStart(consumer, topic);
    }

    /**
     * Every fifth study STAT and one pass long, every fifth after it three times the usual work, the
     * rest routine and cheap: later studies often finish first.
     */
    static void publishStudies(Map<String, Object> connection, SchemaRegistryClient client, String topic,
                               String prefix, int studies) {
        AvroEventEncoder encoder = new AvroEventEncoder(client, SubjectNameStrategy.TOPIC_NAME, true);
        List<ProducerRecord<byte[], byte[]>> events = new ArrayList<>();
        for (int i = 0; i < studies; i++) {
            ImageStudy.Builder study = StudyEvents.study(String.format("%s-%03d", prefix, i));
            if (i % 5 == 0) {
                study.setPriority(StudyPriority.STAT).getSampling().setSteps(1);
            } else if (i % 5 == 1) {
                study.getSampling().setSteps(6);
            }
            ImageStudy event = study.build();
            events.add(new ProducerRecord<>(topic, encoder.encode(topic, true, event.getStudyId()),
                    encoder.encode(topic, false, event)));
        }
        TestClients.produce(connection, events);
    }

    int count() {
        return count;
    }

    /**
     * Waits for at least {@code target} results while {@code working} holds (some serve process is
     * alive) and results keep coming: a slow machine is given time, a stalled serve is not.
     */
    void awaitAtLeast(int target, BooleanSupplier working, Path log) throws Exception {
        long deadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
        while (count < target) {
            if (!working.getAsBoolean() || System.nanoTime() > deadline) {
                throw new AssertionError("serve " + (working.getAsBoolean() ? "made no progress" : "exited")
                        + " at " + count + " of " + target + " results; its log:\n" + Files.readString(log));
            }
            int read = consumer.poll(Duration.ofMillis(100)).count();
            if (read > 0) {
                count += read;
                deadline = System.nanoTime() + PROGRESS_TIMEOUT.toNanos();
            }
        }
    }

    /** Keeps counting for {@code duration}, whatever happens meanwhile. */
    void countFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            count += consumer.poll(Duration.ofMillis(100)).count();
        }
    }

    /**
     * Each of {@code studies} studies has exactly one segmentation, uncertainty map and alert (the
     * drills' policy alerts on every study), and nothing was dead-lettered.
     */
    static void assertEveryStudyOnce(Map<String, Object> connection, SchemaRegistryClient client, TopicNames topics,
                                     int studies) {
        assertOncePerStudy(connection, topics.segmentations(), studies,
                bytes -> new AvroEventDecoder<>(client, SegmentationResult.class).decode(bytes).getStudy().getStudyId());
        assertOncePerStudy(connection, topics.uncertainty(), studies,
                bytes -> new AvroEventDecoder<>(client, UncertaintyMap.class).decode(bytes).getStudy().getStudyId());
        assertOncePerStudy(connection, topics.alerts(), studies,
                bytes -> new AvroEventDecoder<>(client, UncertaintyAlert.class).decode(bytes).getStudy().getStudyId());
        assertTrue(TestClients.readToEnd(connection, topics.deadLetter(), READ_TIMEOUT).isEmpty(), "no dead letters");
    }

    /** Each of {@code studies} studies has exactly one record in {@code topic}. */
    private static void assertOncePerStudy(Map<String, Object> connection, String topic, int studies,
                                           Function<byte[], String> studyOf) {
        List<ConsumerRecord<byte[], byte[]>> records = TestClients.readUntil(connection, topic,
                read -> read.size() >= studies, READ_TIMEOUT);
        Map<String, Long> counts = records.stream()
                .collect(Collectors.groupingBy(r -> studyOf.apply(r.value()), Collectors.counting()));
        assertEquals(studies, counts.size(), topic + ": studies with a record");
        List<String> duplicated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        assertTrue(duplicated.isEmpty(), topic + ": published more than once: " + duplicated);
        assertEquals(studies, records.size(), topic + ": records");
    }

    @Override
    public void close() {
        consumer.close();
    }
}
