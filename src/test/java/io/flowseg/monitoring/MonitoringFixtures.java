package io.flowseg.monitoring;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.alerts.AlertScope;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.Severity;
import io.flowseg.config.TopicNames;
import io.flowseg.events.EncodedMap;
import io.flowseg.events.MapEncoding;
import io.flowseg.events.SettingsUsed;
import io.flowseg.events.StudyRef;
import io.flowseg.events.ThresholdPolicy;
import io.flowseg.events.Timings;
import io.flowseg.events.UncertaintyFigures;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.uncertainty.UncertaintyFigure;
import io.flowseg.wire.EventCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Uncertainty maps and policies for the monitoring tests, and what their tests on a broker share:
 * publishing as the service does, and waiting for the stores to show a result.
 */
final class MonitoringFixtures {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final MonitoringSettings SETTINGS = new MonitoringSettings(new TopicNames("studies", "segmentations",
            "maps", "alerts", "dead-letter", "policies", "statistics"), Duration.ofMinutes(30), Duration.ofDays(2), Duration.ofDays(10), Duration.ofDays(7), 100, 10, 1 << 20);

    private MonitoringFixtures() {
    }

    /** A study's map whose every variance figure is {@code variance}. */
    static UncertaintyMap map(String studyId, String site, String modality, String bodyPart, Instant acquired,
                              double variance) {
        StudyRef study = StudyRef.newBuilder().setStudyId(studyId).setSeriesId(studyId + ".1")
                .setInstanceId(studyId + ".1.1").setSite(site).setModality(modality).setBodyPart(bodyPart)
                .setAcquisitionTime(acquired).build();
        UncertaintyFigures figures = UncertaintyFigures.newBuilder().setSamples(8).setMeanVariance(variance)
                .setMaxVariance(variance).setMeanVarianceForeground(variance).setMaxVarianceForeground(variance)
                .setP95Variance(variance).setUncertainAreaFraction(0.1).setUncertainAreaPixels(10)
                .setForegroundAreaPixels(20).setForegroundAreaMm2(null).setAnyForegroundAreaPixels(30)
                .setSampleDiversity(0.2).setMeanEntropy(0.3).build();
        return UncertaintyMap.newBuilder()
                .setStudy(study)
                .setVariance(EncodedMap.newBuilder().setWidth(1).setHeight(1).setEncoding(MapEncoding.PNG_GRAY16)
                        .setScale(0.25f).setData(ByteBuffer.wrap(new byte[0])).build())
                .setSummary(figures)
                .setUncertainLevel(0.05)
                .setSettings(SettingsUsed.newBuilder().setSamples(8).setGuidance(0.3f).setSteps(10).setSolver("euler")
                        .setSeed(1).setModelName("test").setModelVersion("1").build())
                .setTimings(Timings.newBuilder().setQueuedMs(1).setSamplingMs(2).setEndToEndMs(3)
                        .setCompletedAt(acquired).build())
                .build();
    }

    static ThresholdPolicy policy(String id, AlertScope scope, String figure, Comparator comparator, double threshold,
                                  Severity severity, boolean enabled) {
        return PolicyRecords.toRecord(new AlertPolicy(id, scope, UncertaintyFigure.parse(figure), comparator, threshold,
                severity, enabled, "test policy " + id), Instant.parse("2026-11-28T00:00:00Z"));
    }

    /** As the service publishes: the key in the wire format, partitioned by the producer's default partitioner. */
    static void send(Map<String, Object> connection, EventCodec codec, String topic, String key, SpecificRecord value) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, codec.encodeKey(topic, key), codec.encodeValue(topic, value)));
        }
    }

    /** Waits until the condition holds; stores not queryable yet, or an instance not answering yet, count as not yet. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!safely(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean safely(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (InvalidStateStoreException | PeerUnreachableException notYet) {
            return false;
        }
    }
}
