package io.flowseg.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** GETs a flowseg process's HTTP endpoints until they say what a test waits for. */
public final class HttpPolling {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private HttpPolling() {
    }

    /** GETs the URL until its JSON body satisfies {@code done} or 90 s pass; returns the last body. */
    public static JsonNode awaitJson(String url, Predicate<JsonNode> done) throws Exception {
        return JSON.readTree(awaitText(url, body -> {
            try {
                return done.test(JSON.readTree(body));
            } catch (IOException e) {
                return false;
            }
        }));
    }

    /** GETs the URL until the body satisfies {@code done} or 90 s pass; returns the last body. */
    public static String awaitText(String url, Predicate<String> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            try {
                body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (done.test(body)) {
                    return body;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        return body;
    }

    /** The HTTP status of one GET, or -1 when nothing answers. */
    public static int status(String url) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
