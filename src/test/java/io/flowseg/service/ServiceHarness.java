package io.flowseg.service;

import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedBroker;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.imaging.ImageLimits;
import io.flowseg.imaging.ModelInputPreparer;
import io.flowseg.model.VelocityModel;
import io.flowseg.sampling.SamplingPreset;
import io.flowseg.sampling.SamplingPresets;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.uncertainty.UncertaintySettings;
import io.flowseg.wire.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** An embedded broker, the bundled model, and the service assembled from them with cheap limits. */
final class ServiceHarness implements AutoCloseable {
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final ImageLimits IMAGE_LIMITS = new ImageLimits(512, 512);
    /** Smaller than the test images' 48 x 40, so previews are scaled down. */
    static final int PREVIEW_SIZE = 24;

    final EmbeddedBroker broker = EmbeddedBroker.start();
    final VelocityModel model;

    ServiceHarness() {
        try {
            model = VelocityModel.loadResource(ModelSource.BUNDLED);
        } catch (IOException e) {
            broker.close();
            throw new UncheckedIOException(e);
        }
    }

    /** Topics of their own, so tests sharing the broker never see each other's events. */
    static TopicNames freshTopics() {
        return TopicNames.defaults().withSuffix("." + UUID.randomUUID());
    }

    StudyService.Parts parts(TopicNames topics, EventCodec codec) {
        ProcessorSettings settings = new ProcessorSettings(topics, Duration.ofMillis(50), 8, MAX_MESSAGE_BYTES,
                Duration.ofSeconds(60));
        StudyIntake intake = new StudyIntake(new SamplingPolicy(SamplingSettings.paper(), new SamplingPresets(List.of(SamplingPreset.paper())), 64, 500, 0f, 10f),
                IMAGE_LIMITS, new ModelInputPreparer(1, model.info().resolution(), model.info().view()), model.info().name());
        return new StudyService.Parts(settings, codec, intake,
                () -> new SegmentationEngine(model.newPredictor(), 32, UncertaintySettings.defaults()), 4,
                new ResultEvents(model.info().name(), model.info().version(), UncertaintySettings.DEFAULT_UNCERTAIN_VARIANCE_LEVEL, PREVIEW_SIZE),
                ProcessingListener.NONE);
    }

    StudyService start(StudyService.Parts parts, String transactionalId) {
        return start(parts, transactionalId, connection());
    }

    /** The same with other client settings, e.g. a producer limit. */
    StudyService start(StudyService.Parts parts, String transactionalId, Map<String, Object> connection) {
        return StudyService.start(parts, connection, "flowseg-test-" + parts.settings().topics().studies(),
                transactionalId);
    }

    Map<String, Object> connection() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    }

    void produce(String topic, List<ProducerRecord<byte[], byte[]>> records) {
        TestClients.produce(connection(), records);
    }

    /** Reads a topic from the start, read_committed, until {@code done} holds for what was read, or 60 s pass. */
    List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        return readUntil(topic, done, Duration.ofSeconds(60));
    }

    /** The same, giving up after {@code timeout}. */
    List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
                                                   Duration timeout) {
        return TestClients.readUntil(connection(), topic, done, timeout);
    }

    @Override
    public void close() {
        model.close();
        broker.close();
    }
}
