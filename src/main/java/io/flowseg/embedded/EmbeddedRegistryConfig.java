package io.flowseg.embedded;

import io.flowseg.wire.RegistryTls;
import java.util.Objects;

/**
 * Settings of an {@link EmbeddedSchemaRegistry}.
 *
 * @param bootstrapServers  the Kafka cluster holding the schemas topic
 * @param host              the address to listen on; loopback by default
 * @param port              the port to listen on; 0 picks a free one
 * @param topic             the compacted topic holding the schemas ({@code _schemas}, as Confluent's)
 * @param replicationFactor the topic's replication factor when it has to be created
 * @param basicAuthUser     the user every request must authenticate as, or null for no auth
 * @param basicAuthPassword that user's password
 * @param tls               the server's key store, to serve HTTPS; null serves plain HTTP
 */
public record EmbeddedRegistryConfig(String bootstrapServers, String host, int port, String topic,
                                     short replicationFactor, String basicAuthUser, String basicAuthPassword,
                                     RegistryTls tls) {

    public static final String DEFAULT_TOPIC = "_schemas";

    public EmbeddedRegistryConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, got " + replicationFactor);
        }
        if ((basicAuthUser == null) != (basicAuthPassword == null)) {
            throw new IllegalArgumentException("basic auth needs both a user and a password");
        }
    }

    /** Loopback, a free port, topic {@code _schemas} with replication factor 1, no auth. */
    public static EmbeddedRegistryConfig of(String bootstrapServers) {
        return new EmbeddedRegistryConfig(bootstrapServers, "127.0.0.1", 0, DEFAULT_TOPIC, (short) 1, null, null, null);
    }

    public EmbeddedRegistryConfig withAddress(String host, int port) {
        return new EmbeddedRegistryConfig(bootstrapServers, host, port, topic, replicationFactor, basicAuthUser, basicAuthPassword, tls);
    }

    public EmbeddedRegistryConfig withTopic(String topic, short replicationFactor) {
        return new EmbeddedRegistryConfig(bootstrapServers, host, port, topic, replicationFactor, basicAuthUser, basicAuthPassword, tls);
    }

    public EmbeddedRegistryConfig withBasicAuth(String user, String password) {
        return new EmbeddedRegistryConfig(bootstrapServers, host, port, topic, replicationFactor, user, password, tls);
    }

    /** Serves HTTPS with the key store of {@code tls} (its trust store, if any, is not asked for client certificates). */
    public EmbeddedRegistryConfig withTls(RegistryTls tls) {
        return new EmbeddedRegistryConfig(bootstrapServers, host, port, topic, replicationFactor, basicAuthUser,
                basicAuthPassword, tls);
    }

    /** Leaves the password out. */
    @Override
    public String toString() {
        return "EmbeddedRegistryConfig[bootstrapServers=" + bootstrapServers + ", host=" + host + ", port=" + port
                + ", topic=" + topic + ", replicationFactor=" + replicationFactor
                + ", basicAuthUser=" + (basicAuthUser == null ? "none" : basicAuthUser) + ", https=" + (tls != null) + "]";
    }
}
