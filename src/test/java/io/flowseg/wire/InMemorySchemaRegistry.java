package io.flowseg.wire;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry in a map, for encoder and decoder tests that need no HTTP; {@link #failWith} simulates an outage. */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySubjectSchema = new HashMap<>();
    private SchemaRegistryException failure;

    /** Every later call throws this, as a registry that cannot be reached would. */
    public void failWith(SchemaRegistryException failure) {
        this.failure = failure;
    }

    @Override
    public int register(String subject, Schema schema) {
        failIfBroken();
        return idsBySubjectSchema.computeIfAbsent(subject + "/" + schema, key -> {
            int id = schemasById.size() + 1;
            schemasById.put(id, schema);
            return id;
        });
    }

    @Override
    public int lookup(String subject, Schema schema) {
        failIfBroken();
        Integer id = idsBySubjectSchema.get(subject + "/" + schema);
        if (id == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
        }
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        failIfBroken();
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        throw new UnsupportedOperationException();
    }

    private void failIfBroken() {
        if (failure != null) {
            throw failure;
        }
    }
}
