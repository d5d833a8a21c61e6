package io.flowseg.wire;

import io.flowseg.embedded.EmbeddedSchemaRegistry;
import org.apache.avro.Schema;

/**
 * The part of Confluent's Schema Registry REST API that producers and consumers of Avro events
 * need. It works against Confluent's registry and API-compatible ones (Karapace, Apicurio's
 * ccompat API, {@link EmbeddedSchemaRegistry}). Every method throws
 * {@link SchemaRegistryException} when the registry refuses the request or cannot be reached.
 */
public interface SchemaRegistryClient {

    /**
     * A thread-safe client that caches ids and schemas, so that after the first call for a schema
     * {@link #register}, {@link #lookup} and {@link #schemaById} make no request.
     */
    static SchemaRegistryClient create(RegistryClientConfig config) {
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(config));
    }

    /**
     * Registers a schema under a subject (a new version unless the subject already holds it) and
     * returns its global id. The registry refuses a schema incompatible with the subject's
     * compatibility level with error {@link SchemaRegistryException#INCOMPATIBLE_SCHEMA}.
     */
    int register(String subject, Schema schema);

    /**
     * The global id of a schema already registered under a subject; error
     * {@link SchemaRegistryException#SUBJECT_NOT_FOUND} or {@link SchemaRegistryException#SCHEMA_NOT_FOUND}
     * otherwise.
     */
    int lookup(String subject, Schema schema);

    /** The schema with this global id; error {@link SchemaRegistryException#SCHEMA_NOT_FOUND} when there is none. */
    Schema schemaById(int id);

    /** The subject's newest version; error {@link SchemaRegistryException#SUBJECT_NOT_FOUND} when it has none. */
    RegisteredSchema latestVersion(String subject);

    /** Whether the subject would accept this schema as its next version under its compatibility level. */
    boolean isCompatible(String subject, Schema schema);
}
