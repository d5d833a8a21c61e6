package io.flowseg.cli;

import io.flowseg.registry.EmbeddedRegistryConfig;
import io.flowseg.registry.EmbeddedSchemaRegistry;
import io.flowseg.registry.SchemaRegistryClient;
import io.flowseg.streaming.EmbeddedBroker;
import java.util.Map;

/**
 * A Kafka broker and a schema registry inside this process, for the commands that need no
 * configured infrastructure (demo, bench --pipeline), with the client settings that reach them.
 */
final class EmbeddedStack implements AutoCloseable {
    private final EmbeddedBroker broker;
    private final EmbeddedSchemaRegistry registry;
    private final Map<String, Object> connection;
    private final SchemaRegistryClient registryClient;

    private EmbeddedStack(EmbeddedBroker broker, EmbeddedSchemaRegistry registry, ServiceAssembly assembly) {
        this.broker = broker;
        this.registry = registry;
        this.connection = assembly.connection(broker.bootstrapServers());
        this.registryClient = assembly.registryClient(registry.url());
    }

    static EmbeddedStack start(ServiceAssembly assembly) {
        EmbeddedBroker broker = EmbeddedBroker.start();
        try {
            return new EmbeddedStack(broker,
                    EmbeddedSchemaRegistry.start(EmbeddedRegistryConfig.of(broker.bootstrapServers())), assembly);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** The configured {@code kafka.*} settings, pointed at this broker. */
    Map<String, Object> connection() {
        return connection;
    }

    String registryUrl() {
        return registry.url();
    }

    SchemaRegistryClient registryClient() {
        return registryClient;
    }

    String describe() {
        return "broker " + broker.bootstrapServers() + ", registry " + registry.url();
    }

    @Override
    public void close() {
        registry.close();
        broker.close();
    }
}
