package io.flowseg.embedded;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.flowseg.wire.RegisteredSchema;
import io.flowseg.wire.RegistryTransport;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SchemaRegistryException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;

/**
 * The embedded registry's REST API: the subset of Confluent's that {@link SchemaRegistryClient} and
 * Confluent's own serializers use, with its paths, bodies, content type and error codes.
 */
final class RegistryHttpHandler implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaStore store;
    private final AtomicLong requests = new AtomicLong();

    RegistryHttpHandler(SchemaStore store) {
        this.store = store;
    }

    /** Requests handled so far (after authentication). */
    long requestCount() {
        return requests.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            Object answer = route(exchange.getRequestMethod(), segments(exchange.getRequestURI().getRawPath()),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestBody().readAllBytes());
            send(exchange, 200, answer);
        } catch (SchemaRegistryException e) {
            sendError(exchange, e.httpStatus(), e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            sendError(exchange, 500, 500, "Internal error: " + e);
        }
    }

    /** Answers with Confluent's error body. */
    static void sendError(HttpExchange exchange, int status, int errorCode, String message) throws IOException {
        send(exchange, status, new ErrorAnswer(errorCode, message));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", RegistryTransport.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Object route(String method, List<String> path, String query, byte[] body) {
        return switch (path.isEmpty() ? "" : path.get(0)) {
            case "subjects" -> subjects(method, path, body);
            case "schemas" -> schemas(method, path);
            case "compatibility" -> compatibility(method, path, body);
            case "config" -> config(method, path, query, body);
            default -> throw notFound();
        };
    }

    // subjects | subjects/{s} | subjects/{s}/versions | subjects/{s}/versions/{v}
    private Object subjects(String method, List<String> path, byte[] body) {
        if (path.size() == 1) {
            expect("GET", method);
            return store.subjects();
        }
        String subject = path.get(1);
        if (path.size() == 2) {
            expect("POST", method);
            return versionAnswer(store.lookup(subject, schemaIn(body)));
        }
        if (!path.get(2).equals("versions") || path.size() > 4) {
            throw notFound();
        }
        if (path.size() == 3 && method.equals("POST")) {
            return Map.of("id", store.register(subject, schemaIn(body)));
        }
        expect("GET", method);
        return path.size() == 3 ? store.versions(subject) : versionAnswer(store.version(subject, version(path.get(3))));
    }

    // schemas/ids/{id} | schemas/ids/{id}/versions
    private Object schemas(String method, List<String> path) {
        if (path.size() < 3 || path.size() > 4 || !path.get(1).equals("ids") || path.size() == 4 && !path.get(3).equals("versions")) {
            throw notFound();
        }
        expect("GET", method);
        int id;
        try {
            id = Integer.parseInt(path.get(2));
        } catch (NumberFormatException e) {
            throw notFound();
        }
        if (path.size() == 3) {
            return Map.of("schema", store.schemaById(id).toString());
        }
        return store.versionsOf(id).stream().map(use -> new SubjectVersion(use.subject(), use.version())).toList();
    }

    // compatibility/subjects/{s}/versions/{v}
    private Object compatibility(String method, List<String> path, byte[] body) {
        if (path.size() != 5 || !path.get(1).equals("subjects") || !path.get(3).equals("versions")) {
            throw notFound();
        }
        expect("POST", method);
        return Map.of("is_compatible", store.isCompatible(path.get(2), version(path.get(4)), schemaIn(body)));
    }

    // config | config/{s}
    private Object config(String method, List<String> path, String query, byte[] body) {
        if (path.size() > 2) {
            throw notFound();
        }
        String subject = path.size() == 2 ? path.get(1) : null;
        if (method.equals("PUT")) {
            String name = json(body).path("compatibility").asText("");
            CompatibilityLevel level = CompatibilityLevel.parse(name).orElseThrow(() -> new SchemaRegistryException(422,
                    SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '" + name
                    + "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive"));
            store.setLevel(subject, level);
            return Map.of("compatibility", level.name());
        }
        expect("GET", method);
        boolean defaultToGlobal = query != null && Arrays.asList(query.split("&")).contains("defaultToGlobal=true");
        return Map.of("compatibilityLevel", store.level(subject, defaultToGlobal).name());
    }

    // Records keep Confluent's field order in the JSON, which Map.of would not.
    private record VersionAnswer(String subject, int version, int id, String schema) {
    }

    private record SubjectVersion(String subject, int version) {
    }

    private record ErrorAnswer(@JsonProperty("error_code") int errorCode, String message) {
    }

    private static VersionAnswer versionAnswer(RegisteredSchema version) {
        return new VersionAnswer(version.subject(), version.version(), version.id(), version.schema().toString());
    }

    /** The Avro schema of a {"schema": "..."} body. */
    private static Schema schemaIn(byte[] body) {
        JsonNode request = json(body);
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw invalidSchema("Invalid schema type " + type + "; this registry holds only AVRO schemas");
        }
        if (!request.path("references").isMissingNode() && !request.path("references").isEmpty()) {
            throw invalidSchema("Schema references are not supported by this registry");
        }
        if (!request.path("schema").isTextual()) {
            throw invalidSchema("Empty schema");
        }
        try {
            return new Schema.Parser().parse(request.path("schema").textValue());
        } catch (RuntimeException e) {
            // Avro 1.12 reports some invalid schemas (an undefined type name) with a NullPointerException.
            throw invalidSchema("Invalid schema: " + e.getMessage());
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SchemaRegistryException(400, 400, "The request body is not JSON");
        }
    }

    /** A version number, or -1 for "latest" (Confluent accepts both spellings). */
    private static int version(String text) {
        if (text.equals("latest")) {
            return -1;
        }
        try {
            int version = Integer.parseInt(text);
            if (version >= 1 || version == -1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_VERSION, "The specified version '" + text
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    /** Path segments, each percent-decoded on its own so that an encoded '/' stays inside its segment. */
    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/"))
                .filter(segment -> !segment.isEmpty())
                // URLDecoder is for forms, where '+' means a space; in a path it is a plus.
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    private static void expect(String expected, String method) {
        if (!expected.equals(method)) {
            throw new SchemaRegistryException(405, 405, "HTTP 405 Method Not Allowed");
        }
    }

    private static SchemaRegistryException notFound() {
        return new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
    }

    private static SchemaRegistryException invalidSchema(String message) {
        return new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA, message);
    }
}
