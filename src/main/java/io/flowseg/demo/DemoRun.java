package io.flowseg.demo;

import io.flowseg.config.TopicNames;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StudyRejected;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.uncertainty.Percentile;
import io.flowseg.wire.AvroEventDecoder;
import io.flowseg.wire.EventCodec;
import io.flowseg.wire.SchemaRegistryClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's hospital side: publishes the studies, reads the service's results back as a
 * read_committed consumer would, and shows each study's row once its results are in.
 */
public final class DemoRun {
    private static final Duration POLL = Duration.ofMillis(200);

    private final TopicNames topics;
    private final EventCodec codec;
    private final Map<String, Object> connection;
    private final DemoTable table;
    private final AvroEventDecoder<SegmentationResult> segmentations;
    private final AvroEventDecoder<UncertaintyMap> maps;
    private final AvroEventDecoder<UncertaintyAlert> alerts;
    private final AvroEventDecoder<StudyRejected> rejections;
    private final Map<String, StudyOutcome> outcomes = new LinkedHashMap<>();
    private final Duration alertWait;

    /**
     * @param alertWait how long a study's row waits for its alerts once its results are in (alerts
     *                  come from the monitoring topology, after the results); zero when none runs
     */
    public DemoRun(TopicNames topics, EventCodec codec, SchemaRegistryClient registry, Map<String, Object> connection,
                   PrintStream console, Duration alertWait) {
        this.alertWait = alertWait;
        this.topics = topics;
        this.codec = codec;
        this.connection = connection;
        this.table = new DemoTable(console);
        this.segmentations = new AvroEventDecoder<>(registry, SegmentationResult.class);
        this.maps = new AvroEventDecoder<>(registry, UncertaintyMap.class);
        this.alerts = new AvroEventDecoder<>(registry, UncertaintyAlert.class);
        this.rejections = new AvroEventDecoder<>(registry, StudyRejected.class);
    }

    /** How the run went. */
    public record Summary(int sent, int processed, int rejected, int alerts, Duration elapsed, long medianLatencyMs,
                          long p99LatencyMs) {
        public boolean complete() {
            return processed + rejected == sent;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%d studies sent, %d processed, %d rejected, %d alerts in %.1f s "
                            + "(%.2f studies/s; end-to-end latency p50 %d ms, p99 %d ms)", sent, processed, rejected, alerts,
                    elapsed.toMillis() / 1000.0, studiesPerSecond(), medianLatencyMs, p99LatencyMs);
        }

        public double studiesPerSecond() {
            return processed / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    /** Publishes every study, then reads results until each study is answered or the timeout passes. */
    public Summary stream(List<ImageStudy> studies, Duration timeout) {
        long start = System.nanoTime();
        for (ImageStudy study : studies) {
            outcomes.put(study.getStudyId(), new StudyOutcome(study));
        }
        try (KafkaConsumer<byte[], byte[]> consumer = resultConsumer()) {
            consumer.subscribe(List.of(topics.segmentations(), topics.uncertainty(), topics.alerts(),
                    topics.deadLetter()));
            publish(studies);
            table.header();
            long deadline = start + timeout.toNanos();
            while (outcomes.values().stream().anyMatch(o -> !o.shown) && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                records.forEach(this::take);
                showAnswered();
            }
        }
        return summary(studies, Duration.ofNanos(System.nanoTime() - start));
    }

    private void publish(List<ImageStudy> studies) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (ImageStudy study : studies) {
                producer.send(new ProducerRecord<>(topics.studies(), codec.encodeKey(topics.studies(),
                        study.getStudyId()), codec.encodeValue(topics.studies(), study)));
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> resultConsumer() {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "flowseg-demo-viewer");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private void take(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        if (topic.equals(topics.segmentations())) {
            SegmentationResult result = segmentations.decode(record.value());
            ours(result.getStudy().getStudyId()).ifPresent(outcome -> outcome.segmentation = result);
        } else if (topic.equals(topics.uncertainty())) {
            UncertaintyMap map = maps.decode(record.value());
            ours(map.getStudy().getStudyId()).ifPresent(outcome -> outcome.uncertainty = map);
        } else if (topic.equals(topics.alerts())) {
            UncertaintyAlert alert = alerts.decode(record.value());
            ours(alert.getStudy().getStudyId()).ifPresent(outcome -> outcome.alerts.add(alert));
        } else {
            StudyRejected rejected = rejections.decode(record.value());
            ours(rejected.getStudyId()).ifPresent(outcome -> outcome.rejected = rejected);
        }
    }

    /** The outcome of a study this run sent; other studies' events on the topics are ignored. */
    private Optional<StudyOutcome> ours(String studyId) {
        return Optional.ofNullable(studyId).map(outcomes::get);
    }

    /** A row is shown once the study is rejected, or its results are in and its alerts had time to follow. */
    private void showAnswered() {
        long now = System.nanoTime();
        for (StudyOutcome outcome : outcomes.values()) {
            if (outcome.shown || !outcome.answered()) {
                continue;
            }
            if (outcome.answeredAt == 0) {
                outcome.answeredAt = now;
            }
            if (outcome.rejected != null || now - outcome.answeredAt >= alertWait.toNanos()) {
                table.row(outcome);
                outcome.shown = true;
            }
        }
    }

    private Summary summary(List<ImageStudy> studies, Duration elapsed) {
        int processed = 0;
        int rejected = 0;
        int alerted = 0;
        long[] latencies = new long[studies.size()];
        for (ImageStudy study : studies) {
            StudyOutcome outcome = outcomes.get(study.getStudyId());
            if (outcome.rejected != null) {
                rejected++;
            } else if (outcome.answered()) {
                latencies[processed++] = outcome.uncertainty.getTimings().getEndToEndMs();
                alerted += outcome.alerts.size();
            }
        }
        long[] done = Arrays.copyOf(latencies, processed);
        return new Summary(studies.size(), processed, rejected, alerted, elapsed, Percentile.nearestRank(done, 50),
                Percentile.nearestRank(done, 99));
    }

    public void writeReport(Path file, String settings) throws IOException {
        DemoReport.write(file, outcomes.values(), settings);
    }
}
