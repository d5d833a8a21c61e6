package io.flowseg.web;

import io.flowseg.monitoring.MonitoringStreams;
import io.flowseg.streaming.ConnectionStatus;
import io.flowseg.streaming.ServiceConnections;
import io.flowseg.streaming.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * What the health checks report on (/q/health/live, /q/health/ready). The serving command
 * registers its broker watch and then its running service here; before that the service is
 * neither live-failed nor ready, and readiness says what it waits for.
 */
@ApplicationScoped
public class ServiceHealth {
    private volatile StudyService service;
    private volatile ServiceConnections connections;
    private volatile String modelName;
    private final MonitoringStreams monitoring;

    public ServiceHealth(MonitoringStreams monitoring) {
        this.monitoring = monitoring;
    }

    /** Readiness reports these watches' last findings on Kafka and the registry (their owner closes them). */
    public void watching(ServiceConnections watches) {
        this.connections = watches;
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
        connections = null;
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

    /**
     * Started once the model is loaded and libtorch runs (tens of seconds on a CPU): a start-up
     * probe on /q/health/started then covers the slow part of starting, which liveness must not.
     */
    @Produces
    @Startup
    HealthCheck modelLoaded() {
        return () -> HealthCheckResponse.named("flowseg-model")
                .status(modelName != null)
                .withData("model", modelName != null ? modelName : "loading")
                .build();
    }

    /** Ready when the model is loaded, the processor runs, Kafka and the registry answer and the monitoring topology runs. */
    @Produces
    @Readiness
    HealthCheck readyToProcess() {
        return () -> {
            StudyService current = service;
            boolean running = current != null && !current.stopped().isDone();
            ServiceConnections watches = connections;
            ConnectionStatus unwatched = new ConnectionStatus(false, "not checked");
            ConnectionStatus kafka = watches != null ? watches.kafka().status() : unwatched;
            ConnectionStatus registry = watches != null ? watches.registry().status() : unwatched;
            Optional<KafkaStreams.State> topology = monitoring.state();
            boolean monitored = topology.filter(state -> state == KafkaStreams.State.RUNNING
                    || state == KafkaStreams.State.REBALANCING).isPresent();
            return HealthCheckResponse.named("flowseg-service")
                    .status(running && kafka.reachable() && registry.reachable() && monitored)
                    .withData("monitoring", topology.map(Enum::name).orElse("not started"))
                    .withData("model", modelName != null ? modelName : "not loaded")
                    .withData("processor", running ? "running" : current == null ? "not started" : "stopped")
                    .withData("broker", kafka.describe())
                    .withData("registry", registry.describe())
                    .build();
        };
    }
}
