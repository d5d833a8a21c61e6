package io.flowseg.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;

/** The registry's REST endpoints, one request per call; {@link CachingSchemaRegistryClient} caches in front of it. */
final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryTransport transport;

    RestSchemaRegistryClient(RegistryClientConfig config) {
        this.transport = new RegistryTransport(config);
    }

    @Override
    public int register(String subject, Schema schema) {
        String path = "/subjects/" + segment(subject) + "/versions";
        return requiredInt(transport.send(path, schemaBody(schema)), "id", path);
    }

    @Override
    public int lookup(String subject, Schema schema) {
        String path = "/subjects/" + segment(subject);
        return requiredInt(transport.send(path, schemaBody(schema)), "id", path);
    }

    @Override
    public Schema schemaById(int id) {
        String path = "/schemas/ids/" + id;
        return schemaOf(transport.send(path, null), path);
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        String path = "/subjects/" + segment(subject) + "/versions/latest";
        JsonNode answer = transport.send(path, null);
        return new RegisteredSchema(answer.path("subject").asText(subject), requiredInt(answer, "version", path),
                requiredInt(answer, "id", path), schemaOf(answer, path));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        String path = "/compatibility/subjects/" + segment(subject) + "/versions/latest";
        JsonNode verdict = transport.send(path, schemaBody(schema)).path("is_compatible");
        if (!verdict.isBoolean()) {
            throw unexpected(path, "no is_compatible");
        }
        return verdict.booleanValue();
    }

    /** Percent-encodes a subject for a path segment (URLEncoder is for forms: it writes spaces as '+'). */
    static String segment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String schemaBody(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a one-field JSON object", e);
        }
    }

    private static Schema schemaOf(JsonNode answer, String path) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "the schema of " + path + " is a " + type + " schema, not Avro");
        }
        JsonNode text = answer.path("schema");
        if (!text.isTextual()) {
            throw unexpected(path, "no schema");
        }
        try {
            return new Schema.Parser().parse(text.textValue());
        } catch (RuntimeException e) {
            // Avro 1.12 reports some invalid schemas (an undefined type name) with a NullPointerException.
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "the schema of " + path + " is not a valid Avro schema: " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode answer, String field, String path) {
        JsonNode value = answer.path(field);
        if (!value.canConvertToInt()) {
            throw unexpected(path, "no " + field);
        }
        return value.intValue();
    }

    private static SchemaRegistryException unexpected(String path, String what) {
        return new SchemaRegistryException(200, 200, "the schema registry's answer to " + path + " has " + what);
    }
}
