package io.flowseg.wire;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where the schema registry is and how to talk to it.
 *
 * @param urls              base URLs of the registry's instances (http or https, optionally with a
 *                          path prefix such as Apicurio's {@code /apis/ccompat/v7}); a retry moves on
 *                          to the next one
 * @param basicAuthUserInfo "user:password" for HTTP basic auth, or null for none
 * @param tls               trust and key stores for https, or null for the JDK's defaults
 * @param connectTimeout    longest wait for a connection
 * @param requestTimeout    longest wait for an answer to one request
 * @param retry             retries of transient failures
 */
public record RegistryClientConfig(List<String> urls, String basicAuthUserInfo, RegistryTls tls,
                                   Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public RegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        urls.forEach(RegistryClientConfig::requireHttpUrl);
        if (basicAuthUserInfo != null && !basicAuthUserInfo.contains(":")) {
            throw new IllegalArgumentException("basic auth user info must have the form user:password");
        }
        requirePositive(Objects.requireNonNull(connectTimeout, "connectTimeout"), "connectTimeout");
        requirePositive(Objects.requireNonNull(requestTimeout, "requestTimeout"), "requestTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * The common case: one URL, or several separated by commas as in Confluent's
     * {@code schema.registry.url}; no auth, JDK TLS defaults, default timeouts and retries.
     */
    public static RegistryClientConfig of(String urls) {
        List<String> list = Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty()).toList();
        return new RegistryClientConfig(list, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                RetryPolicy.DEFAULT);
    }

    public RegistryClientConfig withBasicAuth(String userInfo) {
        return new RegistryClientConfig(urls, userInfo, tls, connectTimeout, requestTimeout, retry);
    }

    public RegistryClientConfig withTls(RegistryTls tls) {
        return new RegistryClientConfig(urls, basicAuthUserInfo, tls, connectTimeout, requestTimeout, retry);
    }

    public RegistryClientConfig withTimeouts(Duration connectTimeout, Duration requestTimeout) {
        return new RegistryClientConfig(urls, basicAuthUserInfo, tls, connectTimeout, requestTimeout, retry);
    }

    public RegistryClientConfig withRetry(RetryPolicy retry) {
        return new RegistryClientConfig(urls, basicAuthUserInfo, tls, connectTimeout, requestTimeout, retry);
    }

    /** Leaves the credentials out. */
    @Override
    public String toString() {
        return "RegistryClientConfig[urls=" + urls + ", basicAuth=" + (basicAuthUserInfo == null ? "none" : "set")
                + ", tls=" + tls + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", retry=" + retry + "]";
    }

    private static void requireHttpUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        if (uri.getUserInfo() != null) {
            // Echoing such a URL in messages would leak the password.
            throw new IllegalArgumentException("put schema registry credentials in basicAuthUserInfo, not in the URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("schema registry URL must be http://host[:port] or https://...: " + url);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
