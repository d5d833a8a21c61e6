package io.flowseg.embedded;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.flowseg.wire.SchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * A schema registry inside this JVM, for the demo and the tests: it serves the subset of
 * Confluent's REST API that serializers and {@link SchemaRegistryClient} use (register, lookup,
 * schemas by id, subjects and versions, compatibility checks and levels), with optional basic auth.
 * Its schemas live in a compacted Kafka topic, read back at start, so ids survive a restart.
 * Only one embedded registry may write a given topic at a time (see {@link SchemaStore}).
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private final HttpServer server;
    private final RegistryHttpHandler handler;
    private final SchemasTopic topic;
    private final String url;

    private EmbeddedSchemaRegistry(HttpServer server, RegistryHttpHandler handler, SchemasTopic topic, String host) {
        this.server = server;
        this.handler = handler;
        this.topic = topic;
        String urlHost = host.contains(":") ? "[" + host + "]" : host;
        this.url = (server instanceof HttpsServer ? "https://" : "http://") + urlHost + ":" + server.getAddress().getPort();
    }

    /**
     * Creates the schemas topic if it is missing, reads it to its end and starts serving.
     *
     * @throws IllegalStateException when the topic cannot be created or read
     * @throws UncheckedIOException  when the address cannot be bound
     */
    public static EmbeddedSchemaRegistry start(EmbeddedRegistryConfig config) {
        SchemasTopic topic = SchemasTopic.open(config.bootstrapServers(), config.topic(), config.replicationFactor());
        try {
            RegistryHttpHandler handler = new RegistryHttpHandler(SchemaStore.load(topic));
            InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
            HttpServer server;
            if (config.tls() != null) {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(config.tls().sslContext()));
                server = https;
            } else {
                server = HttpServer.create(address, 0);
            }
            HttpContext context = server.createContext("/", handler);
            if (config.basicAuthUser() != null) {
                context.getFilters().add(new BasicAuthFilter(config.basicAuthUser(), config.basicAuthPassword()));
            }
            // No executor: requests are handled one at a time on the server's thread, which also
            // makes this registry the topic's single writer in order.
            server.start();
            return new EmbeddedSchemaRegistry(server, handler, topic, config.host());
        } catch (IOException e) {
            topic.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        } catch (RuntimeException e) {
            topic.close();
            throw e;
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123} (https with TLS), for {@link RegistryClientConfig#of(String)}. */
    public String url() {
        return url;
    }

    /** How many requests the REST API has handled (after authentication); lets tests see what a client cached. */
    public long requestCount() {
        return handler.requestCount();
    }

    /** Stops serving and closes the topic's producer; the topic keeps the schemas. */
    @Override
    public void close() {
        server.stop(0);
        topic.close();
    }
}
