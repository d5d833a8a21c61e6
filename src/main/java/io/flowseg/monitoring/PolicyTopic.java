package io.flowseg.monitoring;

import io.flowseg.events.ThresholdPolicy;
import io.flowseg.wire.EventCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes policies to the compacted policy topic, keyed by policy id, each write acknowledged by all replicas. */
public final class PolicyTopic implements AutoCloseable {
    private final String topic;
    private final EventCodec codec;
    private final Map<String, Object> connection;
    private final KafkaProducer<byte[], byte[]> producer;

    public PolicyTopic(Map<String, Object> connection, String topic, EventCodec codec) {
        this.topic = topic;
        this.codec = codec;
        this.connection = connection;
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(config);
    }

    public String name() {
        return topic;
    }

    /** Writes the record and waits until the broker has it. */
    public void write(ThresholdPolicy policy, Duration timeout) {
        try {
            producer.send(new ProducerRecord<>(topic, codec.encodeKey(topic, policy.getId()),
                    codec.encodeValue(topic, policy))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write policy " + policy.getId() + " to " + topic + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a policy", e);
        }
    }

    /**
     * Writes the initial policy when the topic has never held a record, so a fresh installation
     * alerts from its first study. A topic whose policies were all deleted is left alone.
     *
     * @return whether it wrote
     */
    public boolean seedIfNeverWritten(ThresholdPolicy initial, Duration timeout) {
        try (Admin admin = Admin.create(connection)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (ends.values().stream().anyMatch(end -> end.offset() > 0)) {
                return false;
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the policy topic " + topic + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the policy topic", e);
        }
        write(initial, timeout);
        return true;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
