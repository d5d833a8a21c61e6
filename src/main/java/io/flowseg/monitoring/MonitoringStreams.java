package io.flowseg.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The monitoring topology as Quarkus' Kafka Streams extension runs it in serve and demo: its
 * state for the health check, its stores for the API. The batch commands run no topology.
 */
@ApplicationScoped
public class MonitoringStreams {
    private final Instance<KafkaStreams> streams;

    public MonitoringStreams(Instance<KafkaStreams> streams) {
        this.streams = streams;
    }

    /** The state stores' reader; throws {@link InvalidStateStoreException} (503 from the API) while there is none. */
    public MonitoringQueries queries() {
        return new MonitoringQueries(kafkaStreams());
    }

    /** RUNNING, REBALANCING, ...; empty where no topology runs. */
    public Optional<KafkaStreams.State> state() {
        return running().map(KafkaStreams::state);
    }

    KafkaStreams kafkaStreams() {
        return running().orElseThrow(
                () -> new InvalidStateStoreException("the monitoring topology is not running in this command"));
    }

    private Optional<KafkaStreams> running() {
        return streams.isResolvable() ? Optional.ofNullable(streams.get()) : Optional.empty();
    }
}
