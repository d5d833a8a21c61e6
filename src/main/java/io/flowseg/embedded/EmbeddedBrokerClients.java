package io.flowseg.embedded;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;

/**
 * The Kafka clients of the monitoring topology, which Quarkus' Kafka Streams extension creates
 * through this supplier: as configured, except that in the demo they reach its in-process broker,
 * whose address is known only once it has started (after the configuration was read).
 */
@ApplicationScoped
public class EmbeddedBrokerClients implements KafkaClientSupplier {
    private final KafkaClientSupplier clients = new DefaultKafkaClientSupplier();
    private final DemoInfrastructure demo;

    public EmbeddedBrokerClients(DemoInfrastructure demo) {
        this.demo = demo;
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return clients.getAdmin(reachable(config));
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return clients.getProducer(reachable(config));
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return clients.getConsumer(reachable(config));
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return clients.getRestoreConsumer(reachable(config));
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return clients.getGlobalConsumer(reachable(config));
    }

    private Map<String, Object> reachable(Map<String, Object> config) {
        return demo.bootstrapServers().map(servers -> {
            Map<String, Object> redirected = new HashMap<>(config);
            redirected.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
            return redirected;
        }).orElse(config);
    }
}
