package io.flowseg.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a scripted HTTP server: retries, what is not retried, headers and messages. */
class RegistryClientRetryTest {

    private static final String SCHEMA_ANSWER = "{\"schema\":\"\\\"string\\\"\"}";
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private record Answer(int status, String body) {
    }

    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<HttpExchange> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Answer answer = script.isEmpty() ? new Answer(200, SCHEMA_ANSWER) : script.poll();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void retriesServiceUnavailableUntilTheRegistryAnswers() {
        script.add(new Answer(503, "{\"error_code\":50003,\"message\":\"Error while forwarding the request\"}"));
        script.add(new Answer(503, "overloaded"));

        assertEquals(Schema.create(Schema.Type.STRING), client(FAST_RETRY).schemaById(1));
        assertEquals(3, requests.size());
        assertEquals("/schemas/ids/1", requests.get(2).getRequestURI().getPath());
    }

    @Test
    void retriesTooManyRequests() {
        script.add(new Answer(429, "{\"error_code\":429,\"message\":\"Rate limit\"}"));

        client(FAST_RETRY).schemaById(1);
        assertEquals(2, requests.size());
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}"));
        }

        SchemaRegistryException failure = assertThrows(SchemaRegistryException.class, () -> client(FAST_RETRY).schemaById(1));
        assertEquals(3, requests.size());
        assertEquals(500, failure.httpStatus());
        assertEquals(50001, failure.errorCode());
        assertTrue(failure.isTransient());
        assertTrue(failure.getMessage().contains("try 3"), failure.getMessage());
    }

    @Test
    void doesNotRetryNotFound() {
        script.add(new Answer(404, "{\"error_code\":40403,\"message\":\"Schema 7 not found\"}"));

        SchemaRegistryException failure = assertThrows(SchemaRegistryException.class, () -> client(FAST_RETRY).schemaById(7));
        assertEquals(1, requests.size());
        assertEquals(404, failure.httpStatus());
        assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND, failure.errorCode());
        assertFalse(failure.isTransient());
        assertTrue(failure.getMessage().contains("Schema 7 not found"), failure.getMessage());
    }

    @Test
    void anErrorWithoutConfluentsBodyCarriesItsStatusAsCode() {
        script.add(new Answer(403, "<html>Forbidden</html>"));

        SchemaRegistryException failure = assertThrows(SchemaRegistryException.class, () -> client(FAST_RETRY).schemaById(1));
        assertEquals(403, failure.errorCode());
        assertEquals(1, requests.size());
    }

    @Test
    void noAnswerIsTransientAndMovesOnToTheNextUrl() throws IOException {
        String deadUrl;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
        RegistryClientConfig config = RegistryClientConfig.of(deadUrl + "," + url()).withRetry(FAST_RETRY);

        assertEquals(Schema.create(Schema.Type.STRING), SchemaRegistryClient.create(config).schemaById(1));
        assertEquals(1, requests.size());

        SchemaRegistryException failure = assertThrows(SchemaRegistryException.class,
                () -> SchemaRegistryClient.create(RegistryClientConfig.of(deadUrl).withRetry(FAST_RETRY)).schemaById(1));
        assertEquals(0, failure.httpStatus());
        assertTrue(failure.isTransient());
    }

    @Test
    void sendsBasicAuthButNeverPutsItInMessages() {
        script.add(new Answer(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}"));
        SchemaRegistryClient client = SchemaRegistryClient.create(
                RegistryClientConfig.of(url()).withBasicAuth("flowseg:s3cret").withRetry(FAST_RETRY));

        SchemaRegistryException failure = assertThrows(SchemaRegistryException.class, () -> client.schemaById(1));
        assertEquals(401, failure.httpStatus());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("flowseg:s3cret".getBytes(StandardCharsets.UTF_8)),
                authorizations.get(0));
        assertFalse(failure.getMessage().contains("s3cret"), failure.getMessage());
        assertFalse(RegistryClientConfig.of(url()).withBasicAuth("flowseg:s3cret").toString().contains("s3cret"));
    }

    @Test
    void speaksConfluentsContentTypeAndEncodesSubjects() {
        script.add(new Answer(200, "{\"id\":5}"));

        assertEquals(5, client(FAST_RETRY).register("a subject/with+odd chars", Schema.create(Schema.Type.STRING)));
        HttpExchange request = requests.get(0);
        assertEquals("POST", request.getRequestMethod());
        assertEquals("/subjects/a%20subject%2Fwith%2Bodd%20chars/versions", request.getRequestURI().getRawPath());
        assertEquals(RegistryTransport.CONTENT_TYPE, request.getRequestHeaders().getFirst("Content-Type"));
    }

    private SchemaRegistryClient client(RetryPolicy retry) {
        return SchemaRegistryClient.create(RegistryClientConfig.of(url()).withRetry(retry));
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
