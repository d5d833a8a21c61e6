package io.flowseg.monitoring;

import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedBroker;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.RegistryEventCodec;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SubjectNameStrategy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The in-JVM broker and schema registry the monitoring tests run on, with the clients they share. */
final class BrokerStack implements AutoCloseable {
    /** Topics of this run's own, so runs sharing nothing else still cannot meet. */
    final MonitoringSettings settings = new MonitoringSettings(
            TopicNames.defaults().withSuffix("." + UUID.randomUUID()), Duration.ofMinutes(30), Duration.ofDays(2),
            Duration.ofDays(10), Duration.ofDays(7), 100, 10, 1 << 20);
    final EmbeddedBroker broker;
    final EmbeddedSchemaRegistry registry;
    final Map<String, Object> connection;
    final SchemaRegistryClient client;
    final RegistryEventCodec codec;
    final MonitoringSerdes serdes;

    BrokerStack() {
        broker = EmbeddedBroker.start();
        registry = EmbeddedSchemaRegistry.start(EmbeddedRegistryConfig.of(broker.bootstrapServers()));
        connection = Map.of("bootstrap.servers", broker.bootstrapServers());
        client = SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
        codec = new RegistryEventCodec(client, SubjectNameStrategy.TOPIC_NAME, true);
        serdes = new MonitoringSerdes(client, SubjectNameStrategy.TOPIC_NAME, true);
    }

    @Override
    public void close() {
        registry.close();
        broker.close();
    }
}
