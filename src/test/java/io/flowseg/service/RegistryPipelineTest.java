package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StudyRejected;
import io.flowseg.wire.AvroBytes;
import io.flowseg.wire.AvroEventDecoder;
import io.flowseg.wire.AvroEventEncoder;
import io.flowseg.wire.EventCodec;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.RegistryEventCodec;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SubjectNameStrategy;
import io.flowseg.wire.TestEvents;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service with Confluent's wire format through the embedded registry: events written with an
 * older ImageStudy schema are still processed, and registry-level failures are dead-lettered.
 */
class RegistryPipelineTest {
    private static final TopicNames TOPICS = ServiceHarness.freshTopics();
    private static ServiceHarness harness;
    private static EmbeddedSchemaRegistry registry;
    private static SchemaRegistryClient client;
    private static StudyService service;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        registry = EmbeddedSchemaRegistry.start(EmbeddedRegistryConfig.of(harness.broker.bootstrapServers()));
        client = SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
        EventCodec codec = new RegistryEventCodec(client, SubjectNameStrategy.TOPIC_NAME, true);
        service = harness.start(harness.parts(TOPICS, codec), "registry");
    }

    @AfterAll
    static void stop() {
        service.close();
        registry.close();
        harness.close();
    }

    @Test
    void eventWrittenWithTheOlderSchemaIsProcessed() {
        AvroEventEncoder producer = new AvroEventEncoder(client, SubjectNameStrategy.TOPIC_NAME, true);
        ImageStudy current = StudyEvents.study("written-with-v1").build();
        byte[] v1Event = producer.encode(TOPICS.studies(), false, TestEvents.asV1(current));
        harness.produce(TOPICS.studies(), List.of(new ProducerRecord<>(TOPICS.studies(),
                producer.encode(TOPICS.studies(), true, current.getStudyId()), v1Event)));

        AvroEventDecoder<SegmentationResult> results = new AvroEventDecoder<>(client, SegmentationResult.class);
        SegmentationResult result = harness.readUntil(TOPICS.segmentations(), read -> read.stream()
                        .anyMatch(r -> studyOf(results, r).equals("written-with-v1"))).stream()
                .map(r -> results.decode(r.value()))
                .filter(r -> r.getStudy().getStudyId().equals("written-with-v1")).findFirst().orElseThrow();

        assertEquals(2, result.getSettings().getSamples(), "the v1 event's own sampling settings were used");
    }

    @Test
    void unknownSchemaIdIsDeadLettered() {
        byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 2, 4, 6};
        assertEquals("UNKNOWN_SCHEMA_ID", deadLetterOf(unknownId).getReasonCode());
    }

    @Test
    void otherRecordTypeIsDeadLettered() {
        // Written under its own record-name subject, as a misconfigured producer would.
        AvroEventEncoder wrongProducer = new AvroEventEncoder(client, SubjectNameStrategy.RECORD_NAME, true);
        StudyRejected notAStudy = TestEvents.studyRejected();
        assertEquals("WRONG_RECORD_TYPE",
                deadLetterOf(wrongProducer.encode(TOPICS.studies(), false, notAStudy)).getReasonCode());
    }

    private static StudyRejected deadLetterOf(byte[] value) {
        harness.produce(TOPICS.studies(), List.of(new ProducerRecord<>(TOPICS.studies(), null, value)));
        AvroEventDecoder<StudyRejected> letters = new AvroEventDecoder<>(client, StudyRejected.class);
        return harness.readUntil(TOPICS.deadLetter(), read -> read.stream()
                        .anyMatch(r -> carries(letters.decode(r.value()), value))).stream()
                .map(r -> letters.decode(r.value()))
                .filter(letter -> carries(letter, value)).findFirst().orElseThrow();
    }

    private static boolean carries(StudyRejected letter, byte[] value) {
        return Arrays.equals(value, AvroBytes.copy(letter.getOriginalValue()));
    }

    private static String studyOf(AvroEventDecoder<SegmentationResult> results, ConsumerRecord<byte[], byte[]> r) {
        return results.decode(r.value()).getStudy().getStudyId();
    }
}
