package io.flowseg.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes events in Confluent's wire format: the value's schema is registered (or looked up) under
 * the subject its strategy names, and its id goes in front of the Avro binary body. Values are
 * Avro records (generated {@link SpecificRecord} classes or {@link org.apache.avro.generic.GenericRecord}s)
 * or {@link String}s, which are written with the schema "string", as Confluent's serializers write
 * string keys. Thread-safe.
 */
public final class AvroEventEncoder {

    private static final Schema STRING_SCHEMA = Schema.create(Schema.Type.STRING);

    private final SchemaRegistryClient registry;
    private final SubjectNameStrategy strategy;
    private final boolean autoRegister;

    /**
     * @param autoRegister true to register a schema the subject does not hold yet; false to only
     *                     look it up, so that producing fails until the schema has been registered
     */
    public AvroEventEncoder(SchemaRegistryClient registry, SubjectNameStrategy strategy, boolean autoRegister) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.autoRegister = autoRegister;
    }

    /**
     * @param topic the topic the event goes to, for the subject
     * @param isKey true for the record's key, false for its value
     * @throws SchemaRegistryException when the registry refuses the schema or cannot be reached
     * @throws IllegalArgumentException when the value is neither an Avro record nor a String, or the
     *                                  strategy needs a record
     */
    public byte[] encode(String topic, boolean isKey, Object value) {
        Objects.requireNonNull(value, "value");
        Schema schema = schemaOf(value);
        String subject = strategy.subject(topic, isKey, schema);
        int schemaId = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        ByteArrayOutputStream out = WireFormat.withHeader(schemaId);
        BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writerFor(value, schema).write(value, body);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array output failed", e);
        }
        return out.toByteArray();
    }

    private static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (value instanceof String) {
            return STRING_SCHEMA;
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                + "; values must be Avro records or Strings");
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Object value, Schema schema) {
        // A generated class's own model carries its logical-type conversions (Instant for timestamp-millis).
        GenericData model = value instanceof SpecificRecord ? SpecificData.getForClass(value.getClass()) : GenericData.get();
        return (DatumWriter<Object>) model.createDatumWriter(schema);
    }
}
