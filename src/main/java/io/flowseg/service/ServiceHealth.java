package io.flowseg.service;

import io.flowseg.model.InstructionSetInUse;
import io.flowseg.monitoring.MonitoringStreams;
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
 * What the health checks report on (/q/health/live, /q/health/ready), read from the
 * {@link ServiceLifecycle}: before it starts the service is neither live-failed nor ready, and
 * readiness says what it waits for.
 */
@ApplicationScoped
public class ServiceHealth {
    private final ServiceLifecycle lifecycle;
    private final MonitoringStreams monitoring;

    public ServiceHealth(ServiceLifecycle lifecycle, MonitoringStreams monitoring) {
        this.lifecycle = lifecycle;
        this.monitoring = monitoring;
    }

    /** Dead only when the processor stopped on an error: restarting the process is the cure. */
    @Produces
    @Liveness
    HealthCheck processorAlive() {
        return () -> {
            StudyService current = lifecycle.service().orElse(null);
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
                .status(lifecycle.modelName().isPresent())
                .withData("model", lifecycle.modelName().orElse("loading"))
                .build();
    }

    /** Ready when the model is loaded, the processor runs, Kafka and the registry answer and the monitoring topology runs. */
    @Produces
    @Readiness
    HealthCheck readyToProcess() {
        return () -> {
            StudyService current = lifecycle.service().orElse(null);
            boolean running = current != null && !current.stopped().isDone();
            ServiceConnections watches = lifecycle.connections().orElse(null);
            ConnectionStatus unwatched = new ConnectionStatus(false, "not checked");
            ConnectionStatus kafka = watches != null ? watches.kafka().status() : unwatched;
            ConnectionStatus registry = watches != null ? watches.registry().status() : unwatched;
            Optional<KafkaStreams.State> topology = monitoring.state();
            boolean monitored = topology.filter(state -> state == KafkaStreams.State.RUNNING
                    || state == KafkaStreams.State.REBALANCING).isPresent();
            return HealthCheckResponse.named("flowseg-service")
                    .status(running && kafka.reachable() && registry.reachable() && monitored)
                    .withData("monitoring", topology.map(Enum::name).orElse("not started"))
                    .withData("model", lifecycle.modelName().orElse("not loaded"))
                    .withData("processor", running ? "running" : current == null ? "not started" : "stopped")
                    .withData("broker", kafka.describe())
                    .withData("registry", registry.describe())
                    .withData("cpuKernels", InstructionSetInUse.current().describe())
                    .build();
        };
    }
}
