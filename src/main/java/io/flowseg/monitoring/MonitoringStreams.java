package io.flowseg.monitoring;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.jboss.logging.Logger;

/**
 * The running monitoring topology of serve and demo: started by the command once it knows its
 * broker, queried by the API, closed at shutdown (before the demo's broker goes). A stream thread
 * that fails (a registry outage, a broker lost mid-transaction) is replaced and resumes from the
 * last committed state.
 */
@ApplicationScoped
public class MonitoringStreams {
    private static final Logger LOG = Logger.getLogger(MonitoringStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private volatile KafkaStreams streams;

    public synchronized void start(Topology topology, Properties config) {
        if (streams != null) {
            throw new IllegalStateException("the monitoring topology is already running");
        }
        KafkaStreams created = new KafkaStreams(topology, config);
        created.setUncaughtExceptionHandler(failure -> {
            LOG.warnf("a monitoring stream thread failed (%s); replacing it", failure.getMessage());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        created.start();
        streams = created;
    }

    /** The state stores' reader; throws {@link InvalidStateStoreException} (503 from the API) until started. */
    public MonitoringQueries queries() {
        KafkaStreams current = streams;
        if (current == null) {
            throw new InvalidStateStoreException("the monitoring topology has not been started");
        }
        return new MonitoringQueries(current);
    }

    /** RUNNING, REBALANCING, ...; empty when not started. */
    public Optional<KafkaStreams.State> state() {
        return Optional.ofNullable(streams).map(KafkaStreams::state);
    }

    void close(@Observes ShutdownEvent event) {
        KafkaStreams current = streams;
        if (current != null) {
            current.close(CLOSE_TIMEOUT);
        }
    }
}
