package io.flowseg.streaming;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

/**
 * The largest record the result producer may send ({@code kafka.max.request.size}), measured as
 * the producer measures it. A study whose results exceed it is dead-lettered instead: sent, it
 * would fail its transaction on every retry and hold up its partition for good.
 */
public record OutputLimit(int maxRecordBytes) {

    /** The producer's own limit in these connection settings, else Kafka's default (1 MiB). */
    public static OutputLimit of(Map<String, Object> connection) {
        Object configured = connection.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        Object limit = configured != null ? configured
                : ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return new OutputLimit(Integer.parseInt(limit.toString().trim()));
    }

    /** The record's size as the producer checks it against {@code max.request.size}. */
    public static int sizeOf(ProducerRecord<byte[], byte[]> record) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                record.key(), record.value(), record.headers().toArray());
    }

    public boolean fits(ProducerRecord<byte[], byte[]> record) {
        return sizeOf(record) <= maxRecordBytes;
    }
}
