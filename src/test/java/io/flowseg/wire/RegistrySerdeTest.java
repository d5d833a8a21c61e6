package io.flowseg.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.embedded.EmbeddedBroker;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.StudyRejected;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Serializing and decoding through the embedded registry over HTTP, and the Kafka serde classes on a broker. */
class RegistrySerdeTest {

    private static EmbeddedBroker broker;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start();
        registry = EmbeddedSchemaRegistry.start(EmbeddedRegistryConfig.of(broker.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        registry.close();
        broker.close();
    }

    @Test
    void anImageStudyAndItsStringKeyRoundTrip() {
        ImageStudy study = TestEvents.imageStudy("study-1");
        AvroEventEncoder encoder = new AvroEventEncoder(newClient(), SubjectNameStrategy.TOPIC_NAME, true);
        byte[] key = encoder.encode("round-trip", true, "study-1");
        byte[] value = encoder.encode("round-trip", false, study);

        SchemaRegistryClient reader = newClient();
        assertEquals(study, new AvroEventDecoder<>(reader, ImageStudy.class).decode(value));
        assertEquals("study-1", new AvroEventDecoder<>(reader, String.class).decode(key));
        assertEquals(Schema.create(Schema.Type.STRING), reader.latestVersion("round-trip-key").schema());
        assertEquals(ImageStudy.getClassSchema(), reader.latestVersion("round-trip-value").schema());
    }

    @Test
    void onlyTheFirstEventOfASchemaGoesToTheRegistry() {
        SchemaRegistryClient client = newClient();
        AvroEventEncoder encoder = new AvroEventEncoder(client, SubjectNameStrategy.TOPIC_NAME, true);

        long before = registry.requestCount();
        byte[] first = encoder.encode("cached", false, TestEvents.imageStudy("study-1"));
        long afterFirst = registry.requestCount();
        byte[] second = encoder.encode("cached", false, TestEvents.imageStudy("study-2"));
        new AvroEventDecoder<>(client, ImageStudy.class).decode(second);
        assertEquals(1, afterFirst - before, "one registration");
        assertEquals(afterFirst, registry.requestCount(), "the id and schema came from the cache");

        AvroEventDecoder<ImageStudy> decoder = new AvroEventDecoder<>(newClient(), ImageStudy.class);
        decoder.decode(first);
        decoder.decode(second);
        assertEquals(afterFirst + 1, registry.requestCount(), "one schema fetch for two events");
    }

    @Test
    void anEventOfAnOlderSchemaVersionDecodesIntoTheCurrentClass() {
        SchemaRegistryClient client = newClient();
        ImageStudy study = TestEvents.imageStudy("study-1");
        // An older producer registered v1 and wrote with it; then the current schema was registered.
        byte[] v1Event = new AvroEventEncoder(client, SubjectNameStrategy.TOPIC_NAME, true)
                .encode("evolving", false, TestEvents.asV1(study));
        client.register("evolving-value", ImageStudy.getClassSchema());
        assertEquals(2, client.latestVersion("evolving-value").version());

        ImageStudy decoded = new AvroEventDecoder<>(newClient(), ImageStudy.class).decode(v1Event);

        assertEquals(study.getStudyId(), decoded.getStudyId());
        assertEquals(study.getAcquisitionTime(), decoded.getAcquisitionTime());
        assertEquals(study.getSampling().getSamples(), decoded.getSampling().getSamples());
        assertNull(decoded.getImage().getPixelSpacing(), "added with default null");
        assertNull(decoded.getSampling().getModel(), "added with default null");
    }

    @Test
    void decodingFailuresFromTheRegistry() throws IOException {
        AvroEventEncoder encoder = new AvroEventEncoder(newClient(), SubjectNameStrategy.TOPIC_NAME, true);
        AvroEventDecoder<ImageStudy> decoder = new AvroEventDecoder<>(newClient(), ImageStudy.class);
        byte[] rejected = encoder.encode("rejections", false, TestEvents.studyRejected());
        byte[] unknownId = ByteBuffer.allocate(6).put((byte) 0).putInt(99_999).put((byte) 0).array();

        assertEquals(DecodingFailure.WRONG_RECORD_TYPE, assertThrows(EventDecodingException.class, () -> decoder.decode(rejected)).reason());
        assertEquals(DecodingFailure.UNKNOWN_SCHEMA_ID, assertThrows(EventDecodingException.class, () -> decoder.decode(unknownId)).reason());

        String deadUrl;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
        SchemaRegistryClient unreachable = SchemaRegistryClient.create(RegistryClientConfig.of(deadUrl)
                .withRetry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1))));
        EventDecodingException unavailable = assertThrows(EventDecodingException.class,
                () -> new AvroEventDecoder<>(unreachable, ImageStudy.class).decode(rejected));
        assertEquals(DecodingFailure.REGISTRY_UNAVAILABLE, unavailable.reason());
        assertTrue(unavailable.isTransient());
    }

    @Test
    void eachStrategyRegistersUnderItsSubject() {
        SchemaRegistryClient client = newClient();
        StudyRejected rejected = TestEvents.studyRejected();

        int byRecord = schemaId(new AvroEventEncoder(client, SubjectNameStrategy.RECORD_NAME, true)
                .encode("dead-letters", false, rejected));
        int byTopicAndRecord = schemaId(new AvroEventEncoder(client, SubjectNameStrategy.TOPIC_RECORD_NAME, true)
                .encode("dead-letters", false, rejected));

        assertEquals(byRecord, client.latestVersion("io.flowseg.events.StudyRejected").id());
        assertEquals(byTopicAndRecord, client.latestVersion("dead-letters-io.flowseg.events.StudyRejected").id());
    }

    @Test
    void withoutAutoRegistrationOnlyRegisteredSchemasAreWritten() {
        SchemaRegistryClient client = newClient();
        AvroEventEncoder encoder = new AvroEventEncoder(client, SubjectNameStrategy.TOPIC_NAME, false);
        ImageStudy study = TestEvents.imageStudy("study-1");

        SchemaRegistryException missing = assertThrows(SchemaRegistryException.class, () -> encoder.encode("strict", false, study));
        assertEquals(SchemaRegistryException.SUBJECT_NOT_FOUND, missing.errorCode());

        int id = newClient().register("strict-value", ImageStudy.getClassSchema());
        assertEquals(id, schemaId(encoder.encode("strict", false, study)));
    }

    @Test
    void theKafkaSerdeClassesCarryEventsThroughABroker() {
        ImageStudy study = TestEvents.imageStudy("study-kafka");
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, RegistryAvroSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RegistryAvroSerializer.class,
                RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        try (KafkaProducer<String, ImageStudy> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>("kafka-serde", study.getStudyId(), study));
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-serde",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, RegistryAvroDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, RegistryAvroDeserializer.class,
                RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                RegistrySerdeConfig.SPECIFIC_AVRO_KEY_TYPE, String.class.getName(),
                RegistrySerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, ImageStudy.class.getName());
        try (KafkaConsumer<String, ImageStudy> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of("kafka-serde"));
            ConsumerRecords<String, ImageStudy> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(200));
            }
            assertEquals(1, records.count());
            ConsumerRecord<String, ImageStudy> record = records.iterator().next();
            assertEquals("study-kafka", record.key());
            assertEquals(study, record.value());
        }
    }

    private static SchemaRegistryClient newClient() {
        return SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
    }

    private static int schemaId(byte[] event) {
        return ByteBuffer.wrap(event, 1, 4).getInt();
    }
}
