package io.flowseg.cli;

import io.flowseg.registry.EmbeddedRegistryConfig;
import io.flowseg.registry.EmbeddedSchemaRegistry;
import io.flowseg.registry.SchemaRegistryClient;
import io.flowseg.streaming.EmbeddedBroker;
import io.flowseg.streaming.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

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
        createTopics(assembly.topics());
    }

    /** Created up front, so that no client starts by warning about topics it cannot find yet. */
    private void createTopics(Topics topics) {
        List<NewTopic> newTopics = Stream.of(topics.studies(), topics.segmentations(), topics.uncertainty(),
                topics.alerts(), topics.deadLetter()).map(name -> new NewTopic(name, 1, (short) 1)).toList();
        try (Admin admin = Admin.create(connection)) {
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the demo's topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    static EmbeddedStack start(ServiceAssembly assembly) {
        EmbeddedBroker broker = EmbeddedBroker.start();
        EmbeddedSchemaRegistry registry = null;
        try {
            registry = EmbeddedSchemaRegistry.start(EmbeddedRegistryConfig.of(broker.bootstrapServers()));
            return new EmbeddedStack(broker, registry, assembly);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
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
