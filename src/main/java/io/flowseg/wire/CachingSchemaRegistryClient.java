package io.flowseg.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntBiFunction;
import org.apache.avro.Schema;

/**
 * Remembers what never changes in a registry: the schema behind an id, and the id of a schema in a
 * subject. Serializing and decoding thus reach the registry once per schema, not once per event.
 * The latest version and compatibility verdicts do change, so those always go to the registry.
 * Failures are not remembered. Unbounded: a service sees a handful of schemas.
 */
final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final SchemaRegistryClient registry;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    CachingSchemaRegistryClient(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public int register(String subject, Schema schema) {
        return idOf(subject, schema, registry::register);
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idOf(subject, schema, registry::lookup);
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = registry.schemaById(id);
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        RegisteredSchema latest = registry.latestVersion(subject);
        remember(subject, latest.schema(), latest.id());
        return latest;
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return registry.isCompatible(subject, schema);
    }

    // Not computeIfAbsent: that would hold a map lock across an HTTP request. Two threads may both
    // ask on first use; they get the same id.
    private int idOf(String subject, Schema schema, ToIntBiFunction<String, Schema> fetch) {
        Integer cached = idsBySubjectSchema.get(new SubjectSchema(subject, schema));
        if (cached != null) {
            return cached;
        }
        int id = fetch.applyAsInt(subject, schema);
        remember(subject, schema, id);
        return id;
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubjectSchema.put(new SubjectSchema(subject, schema), id);
        schemasById.putIfAbsent(id, schema);
    }
}
