package io.flowseg.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol, for browser tests of the dashboard page.
 *
 * <p>No Selenium or WebDriver: neither they nor a matching driver binary can be fetched on the build machines, and
 * CDP needs only what the JDK has (java.net.http for the target list and the WebSocket) plus Jackson for JSON.
 */
final class ChromeDevTools implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"));

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Process process;
    private final HttpClient http;
    private final int debugPort;
    private final WebSocket socket;

    private ChromeDevTools(Process process, HttpClient http, int debugPort, URI pageSocket)
            throws IOException, InterruptedException {
        this.process = process;
        this.http = http;
        this.debugPort = debugPort;
        try {
            this.socket = http.newWebSocketBuilder().connectTimeout(CALL_TIMEOUT)
                    .buildAsync(pageSocket, new Listener()).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no DevTools WebSocket at " + pageSocket, e);
        }
        call("Page.enable", null);
        call("Runtime.enable", null);
    }

    /** The Debian (chromium) or Ubuntu (chromium-browser) binary, where one is installed. */
    static Optional<Path> findChromium() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts a headless Chromium on about:blank with DevTools on {@code debugPort} and connects to its page.
     * The browser's own output goes to {@code chromium.log} in the profile directory, where a failing test can
     * point to it without the pipe filling up.
     */
    static ChromeDevTools launch(Path chromium, Path profileDir, int debugPort)
            throws IOException, InterruptedException {
        Files.createDirectories(profileDir);
        Process process = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-port=" + debugPort, "--user-data-dir=" + profileDir.toAbsolutePath(),
                "--window-size=1400,1000", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profileDir.resolve("chromium.log").toFile())
                .start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return new ChromeDevTools(process, http, debugPort, pageSocket(http, process, debugPort));
        } catch (IOException | InterruptedException | RuntimeException e) {
            kill(process);
            throw e;
        }
    }

    /** Polls /json/list until the browser answers with a page target (it takes a moment to open the port). */
    private static URI pageSocket(HttpClient http, Process process, int debugPort)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + debugPort + "/json/list"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("chromium exited with status " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(list, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    for (JsonNode target : json.readTree(response.body())) {
                        if ("page".equals(target.path("type").asText())
                                && target.hasNonNull("webSocketDebuggerUrl")) {
                            return URI.create(target.get("webSocketDebuggerUrl").asText());
                        }
                    }
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IOException("no DevTools page target on port " + debugPort + " within " + START_TIMEOUT, last);
    }

    /** The browser's /json/version (Browser, Protocol-Version, ...), for test reports. */
    JsonNode version() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + debugPort + "/json/version"))
                .timeout(CALL_TIMEOUT).GET().build();
        return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * Page.navigate. Returns when Chromium has started the navigation, not when the page has loaded: wait for the
     * page's own state with {@link #evaluate}.
     */
    void navigate(String url) throws IOException, InterruptedException {
        ObjectNode params = json.createObjectNode().put("url", url);
        JsonNode result = call("Page.navigate", params);
        if (result.hasNonNull("errorText")) {
            throw new IOException("navigation to " + url + " failed: " + result.get("errorText").asText());
        }
    }

    /**
     * Runtime.evaluate of a JavaScript expression, its value copied out as JSON ({@code returnByValue}); promises
     * are awaited. Returns a missing node for {@code undefined}; a thrown exception becomes an IOException.
     */
    JsonNode evaluate(String expression) throws IOException, InterruptedException {
        ObjectNode params = json.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            String text = details.path("exception").path("description").asText(details.path("text").asText());
            throw new IOException("evaluating " + expression + ": " + text);
        }
        return result.path("result").path("value");
    }

    /** Page.captureScreenshot of the viewport, as PNG bytes. */
    byte[] screenshot() throws IOException, InterruptedException {
        JsonNode result = call("Page.captureScreenshot", json.createObjectNode().put("format", "png"));
        return Base64.getDecoder().decode(result.get("data").asText());
    }

    /** Sends one CDP command and waits for the response with the same id; returns its {@code result}. */
    JsonNode call(String method, JsonNode params) throws IOException, InterruptedException {
        int id = nextId.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        try {
            synchronized (socket) {
                // One text message at a time: WebSocket forbids a send before the previous one completed.
                socket.sendText(json.writeValueAsString(message), true).get(CALL_TIMEOUT.toSeconds(),
                        TimeUnit.SECONDS);
            }
            JsonNode answer = response.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IOException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (ExecutionException e) {
            throw new IOException(method + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(method + " got no answer within " + CALL_TIMEOUT, e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        socket.abort();
        kill(process);
        IOException closed = new IOException("DevTools connection closed");
        pending.values().forEach(future -> future.completeExceptionally(closed));
    }

    /** Kills the browser and its helper processes (renderer, zygote, GPU), which would otherwise linger. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Joins text frames into messages (large ones, such as screenshots, arrive in parts) and routes responses. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(future -> future.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            IOException closed = new IOException("DevTools WebSocket closed: " + statusCode + " " + reason);
            pending.values().forEach(future -> future.completeExceptionally(closed));
            return null;
        }

        private void dispatch(String text) {
            try {
                JsonNode message = json.readTree(text);
                // Events (no id) are of no interest here; responses complete the caller's future.
                if (message.has("id")) {
                    CompletableFuture<JsonNode> future = pending.get(message.get("id").asInt());
                    if (future != null) {
                        future.complete(message);
                    }
                }
            } catch (IOException e) {
                pending.values().forEach(future -> future.completeExceptionally(e));
            }
        }
    }
}
