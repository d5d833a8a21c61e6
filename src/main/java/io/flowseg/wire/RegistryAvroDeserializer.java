package io.flowseg.wire;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer reading Confluent's wire format through {@link AvroEventDecoder}. As a serde
 * class in a client configuration, Kafka configures it with the {@link RegistrySerdeConfig} keys
 * (the type to decode into among them); in code, hand it a decoder. Null stays null; undecodable
 * bytes throw {@link EventDecodingException}, which the consumer wraps in its
 * RecordDeserializationException.
 *
 * @param <T> the type decoded into
 */
public final class RegistryAvroDeserializer<T> implements Deserializer<T> {

    private AvroEventDecoder<T> decoder;

    /** For Kafka, which calls {@link #configure} next. */
    public RegistryAvroDeserializer() {
    }

    public RegistryAvroDeserializer(AvroEventDecoder<T> decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        // The configured class decides T; Kafka's reflective construction cannot check it.
        this.decoder = (AvroEventDecoder<T>) RegistrySerdeConfig.decoder(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (decoder == null) {
            throw new IllegalStateException("RegistryAvroDeserializer used before configure()");
        }
        return data == null ? null : decoder.decode(data);
    }
}
