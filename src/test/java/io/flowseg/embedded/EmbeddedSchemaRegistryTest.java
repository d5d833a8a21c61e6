package io.flowseg.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.StudyRejected;
import io.flowseg.wire.RegisteredSchema;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.RegistryTransport;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SchemaRegistryException;
import io.flowseg.wire.TestEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The embedded registry against Confluent's REST semantics, on a real broker; each test has its own topic. */
class EmbeddedSchemaRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Schema V1 = TestEvents.imageStudyV1();
    private static final Schema V2 = ImageStudy.getClassSchema();

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void registersAndLooksUpAsConfluentDoes(TestInfo test) throws Exception {
        try (EmbeddedSchemaRegistry registry = start(test)) {
            SchemaRegistryClient client = client(registry);

            int id = client.register("studies-value", V1);
            assertEquals(id, client.register("studies-value", V1), "the same schema again: the same id");
            assertEquals(id, client.register("archive-value", V1), "the same schema elsewhere: its global id");
            int next = client.register("studies-value", V2);

            assertEquals(id + 1, next);
            assertEquals(id, client.lookup("studies-value", V1));
            assertEquals(V1, client.schemaById(id));
            assertEquals(new RegisteredSchema("studies-value", 2, next, V2), client.latestVersion("studies-value"));
            assertEquals(new RegisteredSchema("archive-value", 1, id, V1), client.latestVersion("archive-value"));

            assertEquals(List.of("archive-value", "studies-value"), JSON.convertValue(get(registry, "/subjects").body(), List.class));
            assertEquals("[1,2]", get(registry, "/subjects/studies-value/versions").body().toString());
            JsonNode first = get(registry, "/subjects/studies-value/versions/1").body();
            assertEquals(id, first.path("id").asInt());
            assertEquals(1, first.path("version").asInt());
            assertEquals(V1, new Schema.Parser().parse(first.path("schema").asText()));
            assertEquals("[{\"subject\":\"archive-value\",\"version\":1},{\"subject\":\"studies-value\",\"version\":1}]",
                    JSON.writeValueAsString(JSON.convertValue(get(registry, "/schemas/ids/" + id + "/versions").body(), List.class)));
        }
    }

    @Test
    void answersWithConfluentsErrorCodes(TestInfo test) throws Exception {
        try (EmbeddedSchemaRegistry registry = start(test)) {
            SchemaRegistryClient client = client(registry);
            client.register("studies-value", V1);

            assertError(404, SchemaRegistryException.SCHEMA_NOT_FOUND, () -> client.schemaById(999));
            assertError(404, SchemaRegistryException.SUBJECT_NOT_FOUND, () -> client.latestVersion("no-such-subject"));
            assertError(404, SchemaRegistryException.SUBJECT_NOT_FOUND, () -> client.lookup("no-such-subject", V1));
            assertError(404, SchemaRegistryException.SCHEMA_NOT_FOUND, () -> client.lookup("studies-value", V2));
            assertEquals(SchemaRegistryException.VERSION_NOT_FOUND, get(registry, "/subjects/studies-value/versions/7").errorCode());
            assertEquals(SchemaRegistryException.INVALID_VERSION, get(registry, "/subjects/studies-value/versions/0").errorCode());
            assertEquals(404, get(registry, "/no/such/path").status());

            Response invalid = send(registry, "POST", "/subjects/studies-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}");
            assertEquals(422, invalid.status());
            assertEquals(SchemaRegistryException.INVALID_SCHEMA, invalid.errorCode());
            assertEquals(RegistryTransport.CONTENT_TYPE, invalid.contentType());
        }
    }

    @Test
    void backwardCompatibilityAcceptsAnOptionalFieldAndRefusesARequiredOne(TestInfo test) throws Exception {
        try (EmbeddedSchemaRegistry registry = start(test)) {
            SchemaRegistryClient client = client(registry);
            Schema v3 = withRequiredField(V2, "urgency");

            client.register("studies-value", V1);
            assertTrue(client.isCompatible("studies-value", V2));
            assertEquals(2, registered(client, "studies-value", V2).version());
            assertFalse(client.isCompatible("studies-value", v3));
            SchemaRegistryException refused = assertError(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    () -> client.register("studies-value", v3));
            assertTrue(refused.getMessage().contains("urgency"), refused.getMessage());
            assertTrue(client.isCompatible("new-subject", v3), "a subject without versions accepts anything");

            assertEquals("BACKWARD", get(registry, "/config").body().path("compatibilityLevel").asText());
            assertEquals(SchemaRegistryException.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                    get(registry, "/config/studies-value").errorCode());
            assertEquals("BACKWARD", get(registry, "/config/studies-value?defaultToGlobal=true").body()
                    .path("compatibilityLevel").asText());
            assertEquals(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                    send(registry, "PUT", "/config/studies-value", "{\"compatibility\":\"SOMETIMES\"}").errorCode());

            Response none = send(registry, "PUT", "/config/studies-value", "{\"compatibility\":\"none\"}");
            assertEquals("NONE", none.body().path("compatibility").asText());
            assertEquals(3, registered(client, "studies-value", v3).version());
        }
    }

    @Test
    void idsSurviveARestart(TestInfo test) {
        int studyId;
        int rejectedId;
        try (EmbeddedSchemaRegistry registry = start(test)) {
            SchemaRegistryClient client = client(registry);
            studyId = client.register("studies-value", V2);
            rejectedId = client.register("rejections-value", StudyRejected.getClassSchema());
            send(registry, "PUT", "/config/rejections-value", "{\"compatibility\":\"FULL\"}");
        }
        try (EmbeddedSchemaRegistry restarted = start(test)) {
            SchemaRegistryClient client = client(restarted);

            assertEquals(V2, client.schemaById(studyId));
            assertEquals(studyId, client.lookup("studies-value", V2));
            assertEquals(rejectedId, client.latestVersion("rejections-value").id());
            assertEquals(studyId, client.register("studies-value", V2), "no new version for a known schema");
            assertEquals("FULL", get(restarted, "/config/rejections-value").body().path("compatibilityLevel").asText());
            assertEquals(Math.max(studyId, rejectedId) + 1, client.register("keys-key", Schema.create(Schema.Type.STRING)),
                    "new ids continue after the old ones");
        }
    }

    @Test
    void withBasicAuthOnlyTheRightCredentialsGetIn(TestInfo test) {
        EmbeddedRegistryConfig config = config(test).withBasicAuth("flowseg", "s3cret");
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(config)) {
            RegistryClientConfig clientConfig = RegistryClientConfig.of(registry.url());

            int id = SchemaRegistryClient.create(clientConfig.withBasicAuth("flowseg:s3cret")).register("studies-value", V2);
            assertEquals(1, id);

            for (RegistryClientConfig wrong : List.of(clientConfig.withBasicAuth("flowseg:guess"), clientConfig)) {
                SchemaRegistryException refused = assertError(401, SchemaRegistryException.UNAUTHORIZED,
                        () -> SchemaRegistryClient.create(wrong).schemaById(id));
                assertFalse(refused.isTransient());
                assertFalse(refused.getMessage().contains("guess") || refused.getMessage().contains("s3cret"), refused.getMessage());
                assertTrue(refused.getMessage().contains("Unauthorized"), refused.getMessage());
            }
        }
    }

    private static RegisteredSchema registered(SchemaRegistryClient client, String subject, Schema schema) {
        client.register(subject, schema);
        return client.latestVersion(subject);
    }

    private static Schema withRequiredField(Schema schema, String field) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(schema.toString());
        json.withArray("fields").addObject().put("name", field).put("type", "int");
        return new Schema.Parser().parse(json.toString());
    }

    private static SchemaRegistryException assertError(int status, int errorCode, Runnable call) {
        SchemaRegistryException failure = assertThrows(SchemaRegistryException.class, call::run);
        assertEquals(status, failure.httpStatus(), failure.getMessage());
        assertEquals(errorCode, failure.errorCode(), failure.getMessage());
        return failure;
    }

    private static EmbeddedSchemaRegistry start(TestInfo test) {
        return EmbeddedSchemaRegistry.start(config(test));
    }

    private static EmbeddedRegistryConfig config(TestInfo test) {
        return EmbeddedRegistryConfig.of(broker.bootstrapServers()).withTopic("_schemas-" + test.getTestMethod().orElseThrow().getName(), (short) 1);
    }

    private static SchemaRegistryClient client(EmbeddedSchemaRegistry registry) {
        return SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
    }

    private record Response(int status, String contentType, JsonNode body) {
        int errorCode() {
            return body.path("error_code").asInt();
        }
    }

    private static Response get(EmbeddedSchemaRegistry registry, String path) {
        return send(registry, "GET", path, null);
    }

    private static Response send(EmbeddedSchemaRegistry registry, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", RegistryTransport.CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
