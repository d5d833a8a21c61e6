package io.flowseg.web;

import io.flowseg.monitoring.MonitoringStreams;
import io.flowseg.streaming.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the health checks report on (/q/health/live, /q/health/ready). The serving command
 * registers its running service here; before that the service is neither live-failed nor ready.
 */
@ApplicationScoped
public class ServiceHealth {
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(3);

    private volatile StudyService service;
    private volatile Admin admin;
    private volatile String modelName;
    private final MonitoringStreams monitoring;

    public ServiceHealth(MonitoringStreams monitoring) {
        this.monitoring = monitoring;
    }

    /** The model is loaded and the service started against this Kafka connection. */
    public void serving(StudyService running, String model, Map<String, Object> connection) {
        this.modelName = model;
        this.admin = Admin.create(connection);
        this.service = running;
    }

    /** The service stopped (on shutdown). */
    public void stopped() {
        service = null;
        Admin current = admin;
        admin = null;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
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
            boolean broker = running && brokerReachable();
            Optional<KafkaStreams.State> topology = monitoring.state();
            boolean monitored = topology.filter(state -> state == KafkaStreams.State.RUNNING
                    || state == KafkaStreams.State.REBALANCING).isPresent();
            return HealthCheckResponse.named("flowseg-service")
                    .status(running && broker && monitored)
                    .withData("monitoring", topology.map(Enum::name).orElse("not started"))
                    .withData("model", modelName != null ? modelName : "not loaded")
                    .withData("processor", running ? "running" : "stopped")
                    .withData("broker", broker ? "reachable" : "unreachable")
                    .build();
        };
    }

    private boolean brokerReachable() {
        Admin current = admin;
        if (current == null) {
            return false;
        }
        try {
            current.describeCluster(new DescribeClusterOptions().timeoutMs((int) BROKER_TIMEOUT.toMillis()))
                    .nodes().get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
