package io.flowseg.monitoring;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance for its local answer over HTTP, at the paths below {@link #BASE} that
 * every instance serves from its own stores only (so a forwarded question is never forwarded on).
 */
public final class PeerClient {
    public static final String BASE = "/api/peer";
    /** Recent alerts, newest first: {@code limit}, and the {@link AlertFilter}'s fields as parameters. */
    public static final String ALERTS = "/alerts";
    /** Recently alerted cases, newest first: {@code limit}. */
    public static final String CASES = "/cases";
    /** Window states: {@code window} (HOURLY, DAILY), {@code from} and {@code to} in epoch milliseconds. */
    public static final String WINDOWS = "/windows";
    /** The uncertainty map of an alerted study, by study id (404 if not kept). */
    public static final String ALERTED_MAPS = "/alerted-maps";
    /** A recent segmentation, by study id (404 if not kept). */
    public static final String SEGMENTATIONS = "/segmentations";

    private final HttpClient http;
    private final Duration timeout;

    public PeerClient(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /**
     * The peer's answer at {@code path} under {@link #BASE}; empty where it has none (404). Fails
     * with {@link PeerUnreachableException} when the peer does not answer within the timeout or
     * answers with another status (503 while its own stores rebalance).
     */
    public CompletableFuture<Optional<byte[]>> get(HostInfo peer, String path, Map<String, String> parameters) {
        HttpRequest request = HttpRequest.newBuilder(uri(peer, path, parameters)).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw new PeerUnreachableException(address(peer), cause.toString());
            }
            return switch (response.statusCode()) {
                case 200 -> Optional.of(response.body());
                case 404 -> Optional.<byte[]>empty();
                default -> throw new PeerUnreachableException(address(peer), "HTTP " + response.statusCode());
            };
        });
    }

    /** Waits for {@link #get}'s answer; rethrows its {@link PeerUnreachableException} as it is. */
    public static Optional<byte[]> await(CompletableFuture<Optional<byte[]>> reply) {
        try {
            return reply.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof PeerUnreachableException unreachable ? unreachable : e;
        }
    }

    /** The path of one study below {@code path}; a study id may hold any character. */
    public static String ofStudy(String path, String studyId) {
        return path + "/" + encode(studyId).replace("+", "%20");
    }

    static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    private static URI uri(HostInfo peer, String path, Map<String, String> parameters) {
        String query = parameters.entrySet().stream().filter(parameter -> parameter.getValue() != null)
                .map(parameter -> parameter.getKey() + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create("http://" + address(peer) + BASE + path + (query.isEmpty() ? "" : "?" + query));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
