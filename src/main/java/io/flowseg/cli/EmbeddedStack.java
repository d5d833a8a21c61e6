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
        return start(0, 0);
    }

    /** On these ports (0: any free one). */
    static EmbeddedStack start(int brokerPort, int registryPort) {
        EmbeddedBroker broker = EmbeddedBroker.start(brokerPort);
        try {
            return new EmbeddedStack(broker, EmbeddedSchemaRegistry.start(EmbeddedRegistryConfig
                    .of(broker.bootstrapServers()).withAddress("127.0.0.1", registryPort)));
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
