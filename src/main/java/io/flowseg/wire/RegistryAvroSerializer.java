package io.flowseg.wire;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing Confluent's wire format through {@link AvroEventEncoder}. As a serde
 * class in a client configuration, Kafka configures it with the {@link RegistrySerdeConfig} keys;
 * in code, hand it an encoder. Null stays null (tombstones).
 *
 * @param <T> Avro records or Strings
 */
public final class RegistryAvroSerializer<T> implements Serializer<T> {

    private AvroEventEncoder encoder;
    private boolean isKey;

    /** For Kafka, which calls {@link #configure} next. */
    public RegistryAvroSerializer() {
    }

    public RegistryAvroSerializer(AvroEventEncoder encoder, boolean isKey) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.encoder = RegistrySerdeConfig.encoder(configs, isKey);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (encoder == null) {
            throw new IllegalStateException("RegistryAvroSerializer used before configure()");
        }
        return data == null ? null : encoder.encode(topic, isKey, data);
    }
}
