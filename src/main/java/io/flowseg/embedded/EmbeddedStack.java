package io.flowseg.embedded;
/**
 * A Kafka broker and a schema registry inside this process, for the commands that need no
 * configured infrastructure (demo, bench --pipeline).
 */
public final class EmbeddedStack implements AutoCloseable {
    private final EmbeddedBroker broker;
    private final EmbeddedSchemaRegistry registry;

    private EmbeddedStack(EmbeddedBroker broker, EmbeddedSchemaRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /** On free ports. */
    public static EmbeddedStack start() {
        EmbeddedBroker broker = EmbeddedBroker.start();
        try {
            return new EmbeddedStack(broker, EmbeddedSchemaRegistry.start(
                    EmbeddedRegistryConfig.of(broker.bootstrapServers())));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String describe() {
        return "broker " + broker.bootstrapServers() + ", registry " + registry.url();
    }

    @Override
    public void close() {
        registry.close();
        broker.close();
    }
}
