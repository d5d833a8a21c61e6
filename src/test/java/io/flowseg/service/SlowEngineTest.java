package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowseg.config.TopicNames;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.events.SamplingRequest;
import io.flowseg.events.SegmentationResult;
import io.flowseg.sampling.VelocityField;
import io.flowseg.uncertainty.UncertaintySettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A study that takes several times the consumer's max.poll.interval.ms to sample: the consumer
 * keeps polling while the engine works, so it keeps its partitions and commits the study once.
 */
class SlowEngineTest {
    private static final int POLL_INTERVAL_MS = 1500;
    private static final long FORWARD_MS = 400;

    /** Zero velocity after a pause: 10 Euler steps take 4 s, almost three poll intervals. */
    private static final class SlowField implements VelocityField {
        private final int resolution;

        SlowField(int resolution) {
            this.resolution = resolution;
        }

        @Override
        public int imageChannels() {
            return 1;
        }

        @Override
        public int resolution() {
            return resolution;
        }

        @Override
        public float[] evaluate(float[] x, float[] images, float[] t, int batch) {
            try {
                Thread.sleep(FORWARD_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new float[x.length];
        }
    }

    @Test
    void engineWorkLongerThanThePollIntervalDoesNotCostThePartition() {
        TopicNames topics = ServiceHarness.freshTopics();
        try (ServiceHarness harness = new ServiceHarness()) {
            StudyService.Parts fast = harness.parts(topics, new PlainAvroCodec());
            int resolution = harness.model.info().resolution();
            StudyService.Parts slow = new StudyService.Parts(fast.settings(), fast.codec(), fast.intake(),
                    () -> new SegmentationEngine(new SlowField(resolution), 32, UncertaintySettings.defaults()),
                    fast.maxStudiesPerBatch(), fast.events(), fast.listener());
            Map<String, Object> connection = new HashMap<>(harness.connection());
            connection.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, POLL_INTERVAL_MS);
            harness.produce(topics.studies(), List.of(new ProducerRecord<>(topics.studies(),
                    "slow".getBytes(StandardCharsets.UTF_8), PlainAvroCodec.encode(StudyEvents.study("slow")
                            .setSampling(SamplingRequest.newBuilder(StudyEvents.cheap()).setSteps(10).build()).build()))));

            try (StudyService ignored = StudyService.start(slow, connection, "slow-engine", "slow-engine")) {
                harness.readUntil(topics.segmentations(), read -> !read.isEmpty());
                // Long enough for a lost partition to be reassigned and the study redone and republished.
                List<SegmentationResult> results = harness.readUntil(topics.segmentations(), read -> read.size() > 1,
                                Duration.ofSeconds(15)).stream()
                        .map(r -> PlainAvroCodec.decode(r.value(), SegmentationResult.class)).toList();
                assertEquals(1, results.size(), "published exactly once");
                assertEquals(10, results.get(0).getSettings().getSteps());
            }
        }
    }
}
