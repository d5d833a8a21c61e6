package io.flowseg.embedded;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.flowseg.wire.SchemaRegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Lets through only requests with the configured basic auth credentials; others get Confluent's 401 body. */
final class BasicAuthFilter extends Filter {

    private static final String SCHEME = "Basic ";

    private final byte[] expectedUserInfo;

    BasicAuthFilter(String user, String password) {
        this.expectedUserInfo = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            chain.doFilter(exchange);
            return;
        }
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"flowseg-schema-registry\"");
        RegistryHttpHandler.sendError(exchange, 401, SchemaRegistryException.UNAUTHORIZED, "Unauthorized");
    }

    @Override
    public String description() {
        return "HTTP basic auth";
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        try {
            byte[] userInfo = Base64.getDecoder().decode(header.substring(SCHEME.length()).trim());
            // Constant time, so response times do not reveal how much of a guess was right.
            return MessageDigest.isEqual(userInfo, expectedUserInfo);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
