package io.flowseg.config;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Where Kafka and the schema registry are: the configuration's {@code kafka.*} settings and
 * {@code flowseg.registry.url}, unless an {@link InfrastructureOverride} (the demo's in-process
 * stack) says otherwise.
 */
@ApplicationScoped
public class Endpoints {
    private final FlowsegConfig config;
    private final Map<String, Object> kafka;
    private final InfrastructureOverride override;

    public Endpoints(FlowsegConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                     InfrastructureOverride override) {
        this.config = config;
        this.kafka = kafka;
        this.override = override;
    }

    /** The {@code kafka.*} settings (bootstrap servers, security) for a new client. */
    public Map<String, Object> kafka() {
        return kafka(override.bootstrapServers().orElse(null));
    }

    /** The same settings with other bootstrap servers, when not null. */
    public Map<String, Object> kafka(String bootstrapServers) {
        Map<String, Object> connection = new HashMap<>(kafka);
        if (bootstrapServers != null) {
            connection.put("bootstrap.servers", bootstrapServers);
        }
        return connection;
    }

    /** The largest record a producer with these connection settings sends ({@code max.request.size}, else Kafka's 1 MiB). */
    public static int maxRequestBytes(Map<String, Object> connection) {
        Object configured = connection.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        Object limit = configured != null ? configured
                : ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return Integer.parseInt(limit.toString().trim());
    }

    public String registryUrl() {
        return override.registryUrl().orElse(config.registry().url());
    }
}
