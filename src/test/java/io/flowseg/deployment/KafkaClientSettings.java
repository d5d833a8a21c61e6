package io.flowseg.deployment;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings Kafka's clients know, and how a KAFKA_* variable becomes one: Quarkus' Kafka
 * extension (KafkaRuntimeConfigProducer) lower-cases the name after "kafka", and turns its
 * underscores into dots (KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config).
 */
final class KafkaClientSettings {
    static final String PREFIX = "KAFKA_";

    private KafkaClientSettings() {
    }

    static Set<String> names() {
        Set<String> names = new TreeSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    static String fromEnvironmentName(String variable) {
        return variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
