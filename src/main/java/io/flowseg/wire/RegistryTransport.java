package io.flowseg.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Sends requests to the registry: Confluent's content type, basic auth, TLS, timeouts, and retries
 * of transient failures with exponential backoff, moving on to the next URL on each retry.
 */
public final class RegistryTransport {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    // What Confluent's own client accepts, best first.
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int MAX_MESSAGE_CHARS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final List<String> baseUrls;
    private final String authorization;
    private final Duration requestTimeout;
    private final RetryPolicy retry;

    RegistryTransport(RegistryClientConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // HTTP/1.1 keeps plain-http requests free of h2c upgrade headers some proxies mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout());
        if (config.tls() != null) {
            builder.sslContext(config.tls().sslContext());
        }
        this.http = builder.build();
        this.baseUrls = config.urls().stream().map(RegistryTransport::withoutTrailingSlash).toList();
        this.authorization = config.basicAuthUserInfo() == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString(config.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = config.requestTimeout();
        this.retry = config.retry();
    }

    /**
     * Sends a GET (body null) or a POST of a JSON body to {@code path} (starting with "/", its
     * segments already encoded) and returns the parsed answer.
     *
     * @throws SchemaRegistryException once the request has failed for good
     */
    JsonNode send(String path, String body) {
        String method = body == null ? "GET" : "POST";
        for (int attempt = 1; ; attempt++) {
            String baseUrl = baseUrls.get((attempt - 1) % baseUrls.size());
            String request = method + " " + path + " at " + baseUrl + tries(attempt);
            SchemaRegistryException failure;
            try {
                HttpResponse<String> response = http.send(request(baseUrl, path, body), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return parse(response, request);
                }
                failure = refusal(response, request);
            } catch (IOException e) {
                failure = new SchemaRegistryException("no answer from the schema registry to " + request + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while sending " + request, e);
            }
            if (!failure.isTransient() || attempt >= retry.maxAttempts()) {
                throw failure;
            }
            sleep(retry.backoffAfter(attempt), request);
        }
    }

    private HttpRequest request(String baseUrl, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static JsonNode parse(HttpResponse<String> response, String request) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(response.statusCode(), response.statusCode(),
                    "the schema registry's answer to " + request + " is not JSON");
        }
    }

    /** An error answer, with Confluent's {"error_code": ..., "message": ...} when the body has it. */
    private static SchemaRegistryException refusal(HttpResponse<String> response, String request) {
        int status = response.statusCode();
        int errorCode = status;
        String message = "HTTP " + status;
        try {
            JsonNode error = JSON.readTree(response.body());
            errorCode = error.path("error_code").asInt(status);
            message = error.path("message").asText(message);
        } catch (IOException e) {
            // Not JSON (a proxy's error page, say): the status is all there is.
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
        }
        String code = errorCode == status ? "" : " (error " + errorCode + ")";
        return new SchemaRegistryException(status, errorCode, "the schema registry answered " + status + code + " to " + request + ": " + message);
    }

    private static void sleep(Duration backoff, String request) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while waiting to retry " + request, e);
        }
    }

    private static String tries(int attempt) {
        return attempt == 1 ? "" : " (try " + attempt + ")";
    }


    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
