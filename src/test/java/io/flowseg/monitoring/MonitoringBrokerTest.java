package io.flowseg.monitoring;

import static io.flowseg.monitoring.MonitoringFixtures.TIMEOUT;
import static io.flowseg.monitoring.MonitoringFixtures.await;
import static io.flowseg.monitoring.MonitoringFixtures.map;
import static io.flowseg.monitoring.MonitoringFixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowseg.alerts.AlertScope;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.Severity;
import io.flowseg.embedded.EmbeddedBroker;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.ThresholdPolicy;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.wire.AvroEventDecoder;
import io.flowseg.wire.RegistryEventCodec;
import io.flowseg.wire.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

/**
 * The monitoring topology on the real in-JVM broker, exactly once, from a policy change to the
 * alert: a study under the old threshold stays silent, the change is written to the policy topic
 * as the API writes it, the next study alerts, and a re-delivered result alerts no second time.
 */
class MonitoringBrokerTest {

    @Test
    void aPolicyChangeOnTheTopicRaisesTheNextStudysAlertOnce() throws Exception {
        Path state = Files.createTempDirectory("flowseg-monitoring-test");
        try (BrokerStack stack = new BrokerStack()) {
            MonitoringSettings settings = stack.settings;
            Map<String, Object> connection = stack.connection;
            createTopics(connection, settings);
            SchemaRegistryClient client = stack.client;
            RegistryEventCodec codec = stack.codec;
            MonitoringSerdes serdes = stack.serdes;
            ThresholdPolicy strict = policy("p", AlertScope.ANY, "meanVarianceForeground", Comparator.GT, 0.5,
                    Severity.WARNING, true);
            try (PolicyTopic policies = new PolicyTopic(connection, settings.topics().policies(), codec);
                 KafkaStreams streams = new KafkaStreams(MonitoringTopology.build(settings, serdes,
                         MonitoringListener.NONE), streamsConfig(stack.broker, state))) {
                policies.write(strict, TIMEOUT);
                MonitoringQueries queries = new MonitoringQueries(streams);
                // Not started (as after a failed start): the API's 503, not Kafka Streams' IllegalStateException.
                assertThrows(InvalidStateStoreException.class, queries::policies);
                streams.start();
                await("the policy in the global table", () -> queries.policy("p").isPresent());

                Instant acquired = Instant.now().minusSeconds(60);
                sendMap(connection, codec, settings, map("silent", "site-a", "CT", "CHEST", acquired, 0.3));
                await("the first study counted", () -> studies(queries) == 1);

                ThresholdPolicy relaxed = policy("p", AlertScope.ANY, "meanVarianceForeground", Comparator.GT, 0.1,
                        Severity.CRITICAL, true);
                policies.write(relaxed, TIMEOUT);
                await("the changed policy in effect", () -> queries.policy("p").filter(relaxed::equals).isPresent());
                UncertaintyMap alerting = map("alerting", "site-a", "CT", "CHEST", acquired, 0.3);
                sendMap(connection, codec, settings, alerting);
                sendMap(connection, codec, settings, alerting); // re-delivered
                sendMap(connection, codec, settings, map("quiet", "site-a", "CT", "CHEST", acquired, 0.05));
                await("all three studies counted", () -> studies(queries) == 3);

                List<UncertaintyAlert> alerts = readAlerts(connection, client, settings.topics().alerts());
                assertEquals(List.of("alerting"), alerts.stream().map(a -> a.getStudy().getStudyId()).toList());
                assertEquals("CRITICAL", alerts.get(0).getSeverity());
                assertEquals(0.1, alerts.get(0).getThreshold());
                assertEquals(List.of("alerting"), queries.recentAlerts(10, a -> true).stream()
                        .map(r -> r.alert().getStudy().getStudyId()).toList());
                assertEquals(1, queries.statistics(StatisticsWindow.HOURLY, acquired.minus(Duration.ofHours(1)),
                        Instant.now()).get(0).getHighUncertaintyStudies());
            }
        }
    }

    private static Properties streamsConfig(EmbeddedBroker broker, Path state) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitoring-broker-test-" + UUID.randomUUID());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 10_000);
        return config;
    }

    private static void createTopics(Map<String, Object> connection, MonitoringSettings settings) throws Exception {
        try (Admin admin = Admin.create(connection)) {
            admin.createTopics(List.of(settings.topics().uncertainty(), settings.topics().segmentations(),
                            settings.topics().policies(), settings.topics().alerts(), settings.topics().statistics()).stream()
                    .map(name -> new NewTopic(name, 1, (short) 1)).toList()).all().get();
        }
    }

    private static void sendMap(Map<String, Object> connection, RegistryEventCodec codec, MonitoringSettings settings,
                                UncertaintyMap map) {
        MonitoringFixtures.send(connection, codec, settings.topics().uncertainty(), map.getStudy().getStudyId(), map);
    }

    private static long studies(MonitoringQueries queries) {
        try {
            return queries.statistics(StatisticsWindow.HOURLY, Instant.now().minus(Duration.ofHours(2)), Instant.now())
                    .stream().mapToLong(row -> row.getStudies()).sum();
        } catch (InvalidStateStoreException notYet) {
            return -1;
        }
    }

    private static List<UncertaintyAlert> readAlerts(Map<String, Object> connection, SchemaRegistryClient client,
                                                     String topic) {
        Map<String, Object> config = new java.util.HashMap<>(connection);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        AvroEventDecoder<UncertaintyAlert> decoder = new AvroEventDecoder<>(client, UncertaintyAlert.class);
        List<UncertaintyAlert> alerts = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> alerts.add(decoder.decode(record.value())));
            }
        }
        return alerts;
    }
}
