package io.flowseg.embedded;

import java.nio.file.Files;
import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft Kafka (combined broker and controller) inside this JVM, on loopback: the
 * broker of {@code ./flowseg demo} and of the tests. Kafka's own test kit starts it, so it is the
 * real broker, transactions included, with replication factors of 1.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private EmbeddedBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Formats a fresh log directory under the temp folder and starts the broker (2-4 s) on a free
     * port. The folder is ours, not the test kit's: the kit's own folder is deleted by a JVM
     * shutdown hook that races the broker's shutdown on SIGTERM, and the broker then halts the
     * JVM with status 1 (demo --stay stopped with Ctrl-C).
     */
    public static EmbeddedBroker start() {
        return start(Map.of());
    }

    /**
     * The same with more broker settings, which win over the defaults: e.g. extra listeners with
     * their own security (the tests' SASL_SSL and mutual TLS broker).
     */
    public static EmbeddedBroker start(Map<String, String> brokerSettings) {
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory("flowseg-kafka-"))
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0");
            brokerSettings.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedBroker(cluster);
        } catch (Exception e) {
            closeQuietly(cluster);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the embedded Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    /** The plaintext listener's address. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The address of another listener, named in the broker settings given to {@link #start(Map)}. */
    public String listenerAddress(String listenerName) {
        BrokerServer broker = cluster.brokers().values().iterator().next();
        return "localhost:" + broker.boundPort(ListenerName.normalised(listenerName));
    }

    @Override
    public void close() {
        closeQuietly(cluster);
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
