package io.flowseg.embedded;

import io.flowseg.wire.RegisteredSchema;
import io.flowseg.wire.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The embedded registry's subjects, versions, ids and compatibility levels, with Confluent's rules:
 * ids are global and start at 1; a schema already in a subject keeps its version and id; the same
 * schema in another subject gets the id it already has; a new version must pass the subject's
 * compatibility level (default BACKWARD). "The same schema" means the same canonical text
 * ({@link Schema#toString()}), as in Confluent's registry.
 *
 * <p>Every change is written to the {@link SchemasTopic} before it is applied and answered, and
 * the topic is replayed at start. A single writer is assumed: this registry is the only process
 * writing the topic, and never reads it after the start, so two embedded registries on one topic
 * would hand out the same ids.
 */
final class SchemaStore {

    private final SchemasTopic topic;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonicalSchema = new HashMap<>();
    private final Map<String, NavigableMap<Integer, Integer>> idsBySubjectVersion = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int highestId;

    private SchemaStore(SchemasTopic topic) {
        this.topic = topic;
    }

    /** The store as the topic holds it. */
    static SchemaStore load(SchemasTopic topic) {
        SchemaStore store = new SchemaStore(topic);
        topic.replay(store::remember, store::rememberLevel);
        return store;
    }

    /** Registers a schema under a subject, or finds it there, and returns its id. */
    synchronized int register(String subject, Schema schema) {
        Optional<RegisteredSchema> existing = find(subject, schema);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        levelOf(subject).incompatibility(schema, schemasOf(subject)).ifPresent(problem -> {
            throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\" (compatibility " + levelOf(subject) + "), details: " + problem);
        });
        int id = idsByCanonicalSchema.getOrDefault(schema.toString(), highestId + 1);
        NavigableMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        int version = versions == null ? 1 : versions.lastKey() + 1;
        RegisteredSchema registered = new RegisteredSchema(subject, version, id, schema);
        topic.appendSchema(registered);
        remember(registered);
        return id;
    }

    /** The version of a subject holding this schema. */
    synchronized RegisteredSchema lookup(String subject, Schema schema) {
        requireSubject(subject);
        return find(subject, schema).orElseThrow(() ->
                new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found"));
    }

    /** @param version a version, or -1 for the latest */
    synchronized RegisteredSchema version(String subject, int version) {
        NavigableMap<Integer, Integer> versions = requireSubject(subject);
        int wanted = version == -1 ? versions.lastKey() : version;
        Integer id = versions.get(wanted);
        if (id == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_FOUND, "Version " + version + " not found.");
        }
        return new RegisteredSchema(subject, wanted, id, schemasById.get(id));
    }

    synchronized List<Integer> versions(String subject) {
        return List.copyOf(requireSubject(subject).keySet());
    }

    synchronized List<String> subjects() {
        return List.copyOf(idsBySubjectVersion.keySet());
    }

    synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    /** Every subject version that holds the schema with this id. */
    synchronized List<RegisteredSchema> versionsOf(int id) {
        Schema schema = schemaById(id);
        List<RegisteredSchema> uses = new ArrayList<>();
        idsBySubjectVersion.forEach((subject, versions) -> versions.forEach((version, versionId) -> {
            if (versionId == id) {
                uses.add(new RegisteredSchema(subject, version, id, schema));
            }
        }));
        return uses;
    }

    /**
     * Whether the subject would accept the schema: against one version (the level's directions
     * only) or, with -1, as its next version. A subject without versions accepts anything.
     */
    synchronized boolean isCompatible(String subject, int version, Schema schema) {
        if (version != -1) {
            return levelOf(subject).incompatibility(schema, version(subject, version).schema()).isEmpty();
        }
        return levelOf(subject).incompatibility(schema, schemasOf(subject)).isEmpty();
    }

    /**
     * The level of a subject, or with subject null the global one. A subject without a level of
     * its own answers error 40408 unless {@code defaultToGlobal}.
     */
    synchronized CompatibilityLevel level(String subject, boolean defaultToGlobal) {
        if (subject == null) {
            return globalLevel;
        }
        CompatibilityLevel level = subjectLevels.get(subject);
        if (level == null && !defaultToGlobal) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                    "Subject '" + subject + "' does not have subject-level compatibility configured");
        }
        return level != null ? level : globalLevel;
    }

    /** Sets the level of a subject, or with subject null the global one. */
    synchronized void setLevel(String subject, CompatibilityLevel level) {
        topic.appendLevel(subject, level);
        rememberLevel(subject, level);
    }

    private void remember(RegisteredSchema registered) {
        schemasById.putIfAbsent(registered.id(), registered.schema());
        idsByCanonicalSchema.putIfAbsent(registered.schema().toString(), registered.id());
        idsBySubjectVersion.computeIfAbsent(registered.subject(), subject -> new TreeMap<>())
                .put(registered.version(), registered.id());
        highestId = Math.max(highestId, registered.id());
    }

    private void rememberLevel(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else {
            subjectLevels.put(subject, level);
        }
    }

    private Optional<RegisteredSchema> find(String subject, Schema schema) {
        Integer id = idsByCanonicalSchema.get(schema.toString());
        NavigableMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        if (id == null || versions == null) {
            return Optional.empty();
        }
        return versions.entrySet().stream()
                .filter(entry -> entry.getValue().equals(id))
                .findFirst()
                .map(entry -> new RegisteredSchema(subject, entry.getKey(), id, schemasById.get(id)));
    }

    private List<Schema> schemasOf(String subject) {
        NavigableMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        return versions == null ? List.of() : versions.values().stream().map(schemasById::get).toList();
    }

    private CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private NavigableMap<Integer, Integer> requireSubject(String subject) {
        NavigableMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }
}
