package io.flowseg.wire;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads events in Confluent's wire format into one expected type: a generated {@link SpecificRecord}
 * class, or {@link String} for string keys. The writer's schema comes from the registry by the
 * event's schema id and is resolved to the type's own (reader) schema, so events written with an
 * older or newer version of the schema decode, with defaults for the fields they lack. Thread-safe.
 *
 * @param <T> the expected type
 */
public final class AvroEventDecoder<T> {

    private final SchemaRegistryClient registry;
    private final Class<T> type;
    private final Schema readerSchema;
    private final GenericData model;
    // One resolved reader per writer schema id: resolving once is what keeps decoding cheap.
    private final Map<Integer, DatumReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

    /**
     * @param type a generated SpecificRecord class, or String.class
     */
    public AvroEventDecoder(SchemaRegistryClient registry, Class<T> type) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.type = Objects.requireNonNull(type, "type");
        if (SpecificRecord.class.isAssignableFrom(type)) {
            SpecificData specific = SpecificData.getForClass(type);
            this.model = specific;
            this.readerSchema = specific.getSchema(type);
        } else if (type == String.class) {
            this.model = GenericData.get();
            this.readerSchema = Schema.create(Schema.Type.STRING);
            GenericData.setStringType(readerSchema, GenericData.StringType.String);
        } else {
            throw new IllegalArgumentException("can decode into generated Avro record classes or String, not " + type.getName());
        }
    }

    /** The expected type's schema, which every event is resolved to. */
    public Schema readerSchema() {
        return readerSchema;
    }

    /**
     * @throws EventDecodingException with the reason: {@link DecodingFailure#UNDECODABLE_EVENT},
     *                                {@link DecodingFailure#UNKNOWN_SCHEMA_ID}, {@link DecodingFailure#WRONG_RECORD_TYPE}
     *                                or the transient {@link DecodingFailure#REGISTRY_UNAVAILABLE}
     */
    public T decode(byte[] event) {
        int schemaId = WireFormat.schemaId(event);
        DatumReader<T> reader = readerFor(schemaId);
        int bodyLength = event.length - WireFormat.HEADER_LENGTH;
        BinaryDecoder body = DecoderFactory.get().binaryDecoder(event, WireFormat.HEADER_LENGTH, bodyLength, null);
        T value;
        boolean consumedAll;
        try {
            value = reader.read(null, body);
            consumedAll = body.isEnd();
        } catch (IOException | RuntimeException e) {
            // Corrupt bodies surface as EOFs, AvroRuntimeExceptions and index errors alike.
            throw new EventDecodingException(DecodingFailure.UNDECODABLE_EVENT, "the " + bodyLength
                    + "-byte Avro body (schema id " + schemaId + ") does not decode into " + readerSchema.getFullName() + ": "
                    + e, e);
        }
        if (!consumedAll) {
            throw new EventDecodingException(DecodingFailure.UNDECODABLE_EVENT, "the " + bodyLength
                    + "-byte Avro body (schema id " + schemaId + ") has bytes left over after the " + readerSchema.getFullName());
        }
        return value;
    }

    private DatumReader<T> readerFor(int schemaId) {
        DatumReader<T> cached = readersBySchemaId.get(schemaId);
        if (cached != null) {
            return cached;
        }
        Schema writerSchema = writerSchema(schemaId);
        SchemaResolution.problem(readerSchema, writerSchema).ifPresent(problem -> {
            throw unreadable(schemaId, writerSchema, problem);
        });
        @SuppressWarnings("unchecked")
        DatumReader<T> reader = (DatumReader<T>) model.createDatumReader(writerSchema, readerSchema);
        readersBySchemaId.putIfAbsent(schemaId, reader);
        return reader;
    }

    private Schema writerSchema(int schemaId) {
        try {
            return registry.schemaById(schemaId);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
                throw new EventDecodingException(DecodingFailure.UNKNOWN_SCHEMA_ID,
                        "the schema registry has no schema with the event's id " + schemaId, e);
            }
            if (e.errorCode() == SchemaRegistryException.INVALID_SCHEMA) {
                throw new EventDecodingException(DecodingFailure.WRONG_RECORD_TYPE, "the event's schema (id " + schemaId
                        + ") cannot be read as " + readerSchema.getFullName() + ": " + e.getMessage(), e);
            }
            // Unreachable, overloaded or refusing this client: none of it is the event's fault.
            throw new EventDecodingException(DecodingFailure.REGISTRY_UNAVAILABLE,
                    "cannot fetch the event's schema (id " + schemaId + "): " + e.getMessage(), e);
        }
    }

    private EventDecodingException unreadable(int schemaId, Schema writerSchema, String problem) {
        if (!sameType(writerSchema)) {
            return new EventDecodingException(DecodingFailure.WRONG_RECORD_TYPE, "the event was written as "
                    + writerSchema.getFullName() + " (schema id " + schemaId + "), not as " + readerSchema.getFullName());
        }
        return new EventDecodingException(DecodingFailure.UNDECODABLE_EVENT, "the event's " + writerSchema.getFullName()
                + " schema (id " + schemaId + ") cannot be resolved to " + type.getSimpleName() + "'s: " + problem);
    }

    /** Same type, and for a named type the same full name or one of the reader's aliases. */
    private boolean sameType(Schema writerSchema) {
        if (writerSchema.getType() != readerSchema.getType()) {
            return false;
        }
        return switch (readerSchema.getType()) {
            case RECORD, ENUM, FIXED -> readerSchema.getFullName().equals(writerSchema.getFullName())
                    || readerSchema.getAliases().contains(writerSchema.getFullName());
            default -> true;
        };
    }
}
