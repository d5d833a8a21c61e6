package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.config.TopicNames;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.MapEncoding;
import io.flowseg.events.SamplingRequest;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StudyPriority;
import io.flowseg.events.StudyRejected;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.sampling.Seeds;
import io.flowseg.wire.AvroBytes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The processor on a real in-JVM broker: results, alerts and dead letters, committed once each. */
class StudyProcessorTest {
    private static final PlainAvroCodec CODEC = new PlainAvroCodec();
    private static ServiceHarness harness;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void poisonMessageBetweenTwoGoodStudiesBlocksNeither() throws IOException {
        TopicNames topics = ServiceHarness.freshTopics();
        byte[] poison = "not an avro event".getBytes(StandardCharsets.UTF_8);
        harness.produce(topics.studies(), List.of(
                event(topics, StudyEvents.study("good-1").build()),
                new ProducerRecord<>(topics.studies(), "poison".getBytes(StandardCharsets.UTF_8), poison),
                event(topics, StudyEvents.study("good-2").build())));

        try (StudyService ignored = harness.start(harness.parts(topics, CODEC), "t1")) {
            List<SegmentationResult> segmentations = values(harness.readUntil(topics.segmentations(),
                    read -> read.size() >= 2), SegmentationResult.class);
            List<UncertaintyMap> maps = values(harness.readUntil(topics.uncertainty(), read -> read.size() >= 2),
                    UncertaintyMap.class);
            List<StudyRejected> rejected = values(harness.readUntil(topics.deadLetter(), read -> !read.isEmpty()),
                    StudyRejected.class);

            assertEquals(List.of("good-1", "good-2"),
                    segmentations.stream().map(s -> s.getStudy().getStudyId()).toList());
            assertEquals(List.of("good-1", "good-2"), maps.stream().map(m -> m.getStudy().getStudyId()).toList());
            assertEquals(1, rejected.size());
            StudyRejected dead = rejected.get(0);
            assertEquals("UNDECODABLE_EVENT", dead.getReasonCode());
            assertEquals(topics.studies(), dead.getSourceTopic());
            assertEquals(1, dead.getSourceOffset());
            assertArrayEquals(poison, AvroBytes.copy(dead.getOriginalValue()));

            SegmentationResult first = segmentations.get(0);
            assertEquals(2, first.getSettings().getSamples());
            assertEquals(2, first.getSettings().getSteps());
            assertEquals("euler", first.getSettings().getSolver());
            assertEquals(Seeds.forStudy("good-1"), first.getSettings().getSeed());
            assertEquals(harness.model.info().version(), first.getSettings().getModelVersion());
            assertTrue(first.getTimings().getEndToEndMs() >= first.getTimings().getSamplingMs());
            assertEquals(MapEncoding.PNG_BINARY, first.getConsensusMask().getEncoding());
            BufferedImage mean = png(first.getMeanProbability().getData());
            assertEquals(StudyEvents.WIDTH, mean.getWidth());
            assertEquals(StudyEvents.HEIGHT, mean.getHeight());
            assertEquals(16, mean.getColorModel().getPixelSize());
            UncertaintyMap map = maps.get(0);
            assertEquals(2, map.getSummary().getSamples());
            assertEquals(0.25f, map.getVariance().getScale());
            assertEquals(StudyEvents.ACQUIRED, map.getStudy().getAcquisitionTime());
            assertEquals(MapEncoding.PNG_GRAY8, first.getImagePreview().getEncoding());
            BufferedImage preview = png(first.getImagePreview().getData());
            assertEquals(StudyEvents.WIDTH / 2, preview.getWidth(), "scaled to the preview size");
            assertEquals(StudyEvents.HEIGHT / 2, preview.getHeight());
            assertEquals(8, preview.getColorModel().getPixelSize());
        }
    }

    @Test
    void aStatStudyTakenAfterALongRoutineOneIsPublishedBeforeItAndBothExactlyOnce() throws IOException {
        TopicNames topics = ServiceHarness.freshTopics();
        harness.produce(topics.studies(), List.of(
                event(topics, StudyEvents.study("routine-long").setSampling(SamplingRequest.newBuilder(StudyEvents.cheap()).setSteps(20).build()).build()),
                event(topics, StudyEvents.study("stat-short").setPriority(StudyPriority.STAT).build())));

        try (StudyService ignored = harness.start(harness.parts(topics, CODEC), "t-stat")) {
            List<SegmentationResult> segmentations = values(harness.readUntil(topics.segmentations(),
                    read -> read.size() >= 2), SegmentationResult.class);

            assertEquals(List.of("stat-short", "routine-long"),
                    segmentations.stream().map(s -> s.getStudy().getStudyId()).toList(),
                    "the STAT study, one pass of work, does not wait for the 20 passes of the study taken before it");
        }
    }

    @Test
    void gracefulShutdownNeitherLosesNorRepeatsStudies() {
        TopicNames topics = ServiceHarness.freshTopics();
        List<ProducerRecord<byte[], byte[]>> studies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            studies.add(event(topics, StudyEvents.study("study-" + i).build()));
        }
        harness.produce(topics.studies(), studies);
        StudyService.Parts parts = harness.parts(topics, CODEC);

        try (StudyService ignored = harness.start(parts, "t2")) {
            harness.readUntil(topics.segmentations(), read -> !read.isEmpty());
        } // closes while studies are in flight
        try (StudyService ignored = harness.start(parts, "t2")) {
            harness.readUntil(topics.segmentations(), read -> read.size() >= 12);
        }

        Map<String, Long> counts = values(harness.readUntil(topics.segmentations(), read -> read.size() >= 12),
                SegmentationResult.class).stream()
                .collect(Collectors.groupingBy(s -> s.getStudy().getStudyId(), Collectors.counting()));
        assertEquals(12, counts.size(), "every study has a result: " + counts.keySet());
        assertTrue(counts.values().stream().allMatch(n -> n == 1), "no study published twice: " + counts);
    }

    @Test
    void resultsLargerThanTheProducerMaySendAreDeadLetteredAndBlockNothing() {
        TopicNames topics = ServiceHarness.freshTopics();
        harness.produce(topics.studies(), List.of(event(topics, largeStudy("large-1")),
                event(topics, largeStudy("large-2"))));
        // A producer limit below these studies' results: sent, they would fail every transaction.
        int limit = 1500;
        Map<String, Object> connection = new java.util.HashMap<>(harness.connection());
        connection.put(org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG, limit);

        try (StudyService ignored = harness.start(harness.parts(topics, CODEC), "t3", connection)) {
            List<StudyRejected> rejected = values(harness.readUntil(topics.deadLetter(), read -> read.size() >= 2),
                    StudyRejected.class);

            assertEquals(List.of("large-1", "large-2"), rejected.stream().map(StudyRejected::getStudyId).toList());
            for (StudyRejected dead : rejected) {
                assertEquals("RESULT_TOO_LARGE", dead.getReasonCode());
                assertTrue(dead.getMessage().contains("more than kafka.max.request.size (" + limit + ")"),
                        dead.getMessage());
                assertEquals(null, dead.getOriginalValue(), "the event itself does not fit the dead letter either");
                assertTrue(dead.getMessage().contains("the original event"), dead.getMessage());
            }
            assertEquals(0, harness.readUntil(topics.segmentations(), read -> !read.isEmpty(),
                    java.time.Duration.ofSeconds(2)).size());
        }
    }

    @Test
    void resultsLargerThanTheirTopicTakesAreDeadLetteredAndBlockNothing() throws Exception {
        TopicNames topics = ServiceHarness.freshTopics();
        // A segmentations topic made by an operator with a record limit below these studies' results;
        // the producer's own limit is Kafka's default, 1 MiB.
        int limit = 1200;
        try (Admin admin = Admin.create(harness.connection())) {
            admin.createTopics(List.of(new NewTopic(topics.segmentations(), 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(limit)))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        harness.produce(topics.studies(), List.of(event(topics, largeStudy("wide-1")),
                event(topics, largeStudy("wide-2"))));

        try (StudyService ignored = harness.start(harness.parts(topics, CODEC), "t4")) {
            List<StudyRejected> rejected = values(harness.readUntil(topics.deadLetter(), read -> read.size() >= 2),
                    StudyRejected.class);

            assertEquals(List.of("wide-1", "wide-2"), rejected.stream().map(StudyRejected::getStudyId).toList());
            for (StudyRejected dead : rejected) {
                assertEquals("RESULT_TOO_LARGE", dead.getReasonCode());
                assertTrue(dead.getMessage().contains(topics.segmentations() + "'s max.message.bytes (" + limit + ")"),
                        dead.getMessage());
                assertTrue(dead.getOriginalValue() != null, "the dead-letter topic takes the event itself");
            }
        }
    }

    /**
     * A study whose results outgrow the small limits below whatever the model's field of view: maps
     * that are zero outside a small window compress to almost nothing.
     */
    private static ImageStudy largeStudy(String studyId) {
        return StudyEvents.study(studyId).setImage(StudyEvents.image(192, 160)).build();
    }

    private static ProducerRecord<byte[], byte[]> event(TopicNames topics, ImageStudy study) {
        return new ProducerRecord<>(topics.studies(), study.getStudyId().getBytes(StandardCharsets.UTF_8),
                PlainAvroCodec.encode(study));
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> values(
            List<ConsumerRecord<byte[], byte[]>> records, Class<T> type) {
        return records.stream().map(r -> PlainAvroCodec.decode(r.value(), type)).toList();
    }


    private static BufferedImage png(ByteBuffer data) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(AvroBytes.copy(data)));
    }
}
