package io.flowseg.cli;

import io.flowseg.registry.EmbeddedRegistryConfig;
import io.flowseg.registry.EmbeddedSchemaRegistry;
import io.flowseg.streaming.EmbeddedBroker;

/**
 * A Kafka broker and a schema registry inside this process, for the commands that need no
 * configured infrastructure (demo, bench --pipeline).
 */
final class EmbeddedStack implements AutoCloseable {
    private final EmbeddedBroker broker;
    private final EmbeddedSchemaRegistry registry;

    private EmbeddedStack(EmbeddedBroker broker, EmbeddedSchemaRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** On free ports. */
    static EmbeddedStack start() {
        EmbeddedBroker broker = EmbeddedBroker.start();
        try {
            return new EmbeddedStack(broker, EmbeddedSchemaRegistry.start(
                    EmbeddedRegistryConfig.of(broker.bootstrapServers())));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
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
