package io.flowseg.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowseg.wire.RegisteredSchema;
import io.flowseg.wire.SchemaRegistryException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The embedded registry's store: a compacted, single-partition Kafka topic holding every
 * registration and compatibility setting, in Confluent's own record format (JSON keys
 * {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} and
 * {@code {"keytype":"CONFIG","subject":..,"magic":0}}). One partition keeps the records in the
 * order they were written; compaction keeps the latest record per key, which is all a replay needs.
 */
final class SchemasTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final TopicPartition partition;
    private final KafkaProducer<String, String> producer;

    private SchemasTopic(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.partition = new TopicPartition(topic, 0);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Creates the topic when it is missing (compacted, one partition) and opens it for writing. */
    static SchemasTopic open(String bootstrapServers, String topic, short replicationFactor) {
        NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the schemas topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException | TimeoutException e) {
            restoreInterrupt(e);
            throw new IllegalStateException("cannot create the schemas topic " + topic + ": " + e, e);
        }
        return new SchemasTopic(bootstrapServers, topic);
    }

    /**
     * Reads the topic from its start to its end as of now, handing each schema version and each
     * compatibility level (subject null for the global one) to the callbacks, in write order.
     */
    void replay(Consumer<RegisteredSchema> schemas, BiConsumer<String, CompatibilityLevel> levels) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the schemas topic " + partition.topic() + " was not read to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record, schemas, levels);
                }
            }
        }
    }

    /** Writes a schema version and waits until the broker has it. */
    void appendSchema(RegisteredSchema schema) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", schema.subject())
                .put("version", schema.version()).put("magic", 1);
        ObjectNode value = JSON.createObjectNode().put("subject", schema.subject()).put("version", schema.version())
                .put("id", schema.id()).put("schema", schema.schema().toString()).put("deleted", false);
        write(key, value);
    }

    /** Writes a compatibility level, of a subject or (subject null) the global one, and waits until the broker has it. */
    void appendLevel(String subject, CompatibilityLevel level) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("subject", subject).put("magic", 0);
        write(key, JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }

    @Override
    public void close() {
        producer.close(TIMEOUT);
    }

    private void write(ObjectNode key, ObjectNode value) {
        try {
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), key.toString(), value.toString()))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            restoreInterrupt(e);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR,
                    "cannot write to the schemas topic " + partition.topic() + ": " + cause);
        }
    }

    private static void apply(ConsumerRecord<String, String> record, Consumer<RegisteredSchema> schemas,
                              BiConsumer<String, CompatibilityLevel> levels) {
        if (record.key() == null || record.value() == null) {
            return; // a tombstone: this registry never deletes, so it has nothing to undo
        }
        try {
            JsonNode key = JSON.readTree(record.key());
            JsonNode value = JSON.readTree(record.value());
            switch (key.path("keytype").asText()) {
                case "SCHEMA" -> {
                    // Soft-deleted versions and other schema types may come from a Confluent registry.
                    if (!value.path("deleted").asBoolean(false) && "AVRO".equals(value.path("schemaType").asText("AVRO"))) {
                        schemas.accept(new RegisteredSchema(value.path("subject").asText(), value.path("version").asInt(),
                                value.path("id").asInt(), new Schema.Parser().parse(value.path("schema").asText())));
                    }
                }
                case "CONFIG" -> CompatibilityLevel.parse(value.path("compatibilityLevel").asText())
                        .ifPresent(level -> levels.accept(key.path("subject").isTextual() ? key.path("subject").asText() : null, level));
                default -> {
                    // NOOP and Confluent's other record types mean nothing here.
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable record at offset " + record.offset() + " of the schemas topic "
                    + record.topic() + ": " + e.getMessage(), e);
        }
    }

    private static void restoreInterrupt(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }
}
