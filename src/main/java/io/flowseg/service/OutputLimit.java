package io.flowseg.service;

import io.flowseg.config.Endpoints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.jboss.logging.Logger;

/**
 * The largest record a topic takes from the result producer: the producer's own limit
 * ({@code kafka.max.request.size}) or the topic's {@code max.message.bytes}, whichever is smaller,
 * measured as the producer measures a record. A study whose results exceed it is dead-lettered
 * instead: sent, it would fail its transaction on every retry and hold up its partition for good.
 * A topic's limit is asked of the broker and kept a few minutes; where it cannot be asked (no
 * topic yet, no DescribeConfigs permission), the producer's limit alone applies.
 */
public final class OutputLimit implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutputLimit.class);
    private static final Duration KEEP = Duration.ofMinutes(5);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    /** Why a record does not fit: which limit, and how large it is. */
    public record Exceeded(int recordBytes, int limitBytes, String limitName) {
        public String describe(String topic) {
            return "the record for " + topic + " would take " + recordBytes + " bytes, more than " + limitName + " ("
                    + limitBytes + "): raise kafka.max.request.size and the topics' max.message.bytes together";
        }
    }

    private record TopicLimit(OptionalInt bytes, long askedAt) {
    }

    private final int producerLimit;
    private final Admin admin;
    private final Map<String, TopicLimit> topics = new ConcurrentHashMap<>();

    private OutputLimit(int producerLimit, Admin admin) {
        this.producerLimit = producerLimit;
        this.admin = admin;
    }

    /** The producer's limit in these connection settings (else Kafka's default, 1 MiB) and the topics'. */
    public static OutputLimit of(Map<String, Object> connection) {
        return new OutputLimit(Endpoints.maxRequestBytes(connection), Admin.create(connection));
    }

    /** The record's size as the producer checks it against {@code max.request.size}. */
    public static int sizeOf(ProducerRecord<byte[], byte[]> record) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                record.key(), record.value(), record.headers().toArray());
    }

    /** Empty when the record fits its topic; else which limit it exceeds. */
    public Optional<Exceeded> check(ProducerRecord<byte[], byte[]> record) {
        int size = sizeOf(record);
        OptionalInt topicLimit = topicLimit(record.topic());
        if (topicLimit.isPresent() && topicLimit.getAsInt() < producerLimit && size > topicLimit.getAsInt()) {
            return Optional.of(new Exceeded(size, topicLimit.getAsInt(), record.topic() + "'s max.message.bytes"));
        }
        if (size > producerLimit) {
            return Optional.of(new Exceeded(size, producerLimit, "kafka.max.request.size"));
        }
        return Optional.empty();
    }

    private OptionalInt topicLimit(String topic) {
        TopicLimit known = topics.get(topic);
        if (known != null && System.nanoTime() - known.askedAt() < KEEP.toNanos()) {
            return known.bytes();
        }
        OptionalInt asked = ask(topic);
        topics.put(topic, new TopicLimit(asked, System.nanoTime()));
        return asked;
    }

    private OptionalInt ask(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return entry != null && entry.value() != null ? OptionalInt.of(Integer.parseInt(entry.value()))
                    : OptionalInt.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debugf("max.message.bytes of %s unknown (%s); the producer's limit applies", topic, e.getMessage());
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
