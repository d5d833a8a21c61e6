package io.flowseg.web;

import io.flowseg.monitoring.MonitoringStreams;
import io.flowseg.streaming.BrokerStatus;
import io.flowseg.streaming.BrokerWatch;
import io.flowseg.streaming.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the health checks report on (/q/health/live, /q/health/ready). The serving command
 * registers its broker watch and then its running service here; before that the service is
 * neither live-failed nor ready, and readiness says what it waits for.
 */
@ApplicationScoped
public class ServiceHealth {
    private volatile StudyService service;
    private volatile BrokerWatch broker;
    private volatile String modelName;
    private final MonitoringStreams monitoring;

    public ServiceHealth(MonitoringStreams monitoring) {
        this.monitoring = monitoring;
    }

    /** Readiness reports this watch's last finding on the broker (its owner closes it). */
    public void watching(BrokerWatch watch) {
        this.broker = watch;
    }

    /** The model is loaded. */
    public void loaded(String model) {
        this.modelName = model;
    }

    /** The service started. */
    public void serving(StudyService running) {
        this.service = running;
    }

    /** The service stopped (on shutdown). */
    public void stopped() {
        service = null;
        broker = null;
    }

    /** Dead only when the processor stopped on an error: restarting the process is the cure. */
    @Produces
    @Liveness
    HealthCheck processorAlive() {
        return () -> {
            StudyService current = service;
            boolean failed = current != null && current.stopped().isCompletedExceptionally();
            return HealthCheckResponse.named("flowseg-processor").status(!failed).build();
        };
    }

    /** Ready when the model is loaded, the processor runs, the broker answers and the monitoring topology runs. */
    @Produces
    @Readiness
    HealthCheck readyToProcess() {
        return () -> {
            StudyService current = service;
            boolean running = current != null && !current.stopped().isDone();
            BrokerWatch watch = broker;
            BrokerStatus kafka = watch != null ? watch.status() : new BrokerStatus(false, "not checked");
            Optional<KafkaStreams.State> topology = monitoring.state();
            boolean monitored = topology.filter(state -> state == KafkaStreams.State.RUNNING
                    || state == KafkaStreams.State.REBALANCING).isPresent();
            return HealthCheckResponse.named("flowseg-service")
                    .status(running && kafka.reachable() && monitored)
                    .withData("monitoring", topology.map(Enum::name).orElse("not started"))
                    .withData("model", modelName != null ? modelName : "not loaded")
                    .withData("processor", running ? "running" : current == null ? "not started" : "stopped")
                    .withData("broker", kafka.describe())
                    .build();
        };
    }
}
