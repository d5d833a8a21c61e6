package io.flowseg.cli;

import io.flowseg.model.VelocityModel;
import io.flowseg.registry.SchemaRegistryClient;
import io.flowseg.streaming.EventCodec;
import io.flowseg.streaming.ServiceConnections;
import io.flowseg.streaming.StudyService;
import io.flowseg.streaming.Topics;
import io.flowseg.web.ServiceHealth;
import io.flowseg.web.ServiceMetrics;
import io.flowseg.web.WindowGauges;
import io.quarkus.runtime.Quarkus;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;

/** The streaming service against the configured Kafka ({@code kafka.*}) and schema registry. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the streaming service: ImageStudy events in, results, uncertainty maps, alerts and "
                + "dead letters out, exactly once. Stops gracefully on SIGTERM or Ctrl-C.")
public class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(ServeCommand.class);
    private static final Duration RETRY_PREPARE = Duration.ofSeconds(10);

    private final ModelSource models;
    private final ServiceAssembly assembly;
    private final ServiceMetrics metrics;
    private final ServiceHealth health;
    private final GracefulShutdown shutdown;
    private final WindowGauges windowGauges;

    public ServeCommand(ModelSource models, ServiceAssembly assembly, ServiceMetrics metrics, ServiceHealth health,
                        GracefulShutdown shutdown, WindowGauges windowGauges) {
        this.windowGauges = windowGauges;
        this.models = models;
        this.assembly = assembly;
        this.metrics = metrics;
        this.health = health;
        this.shutdown = shutdown;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, Object> connection = assembly.connection(null);
        SchemaRegistryClient registry = assembly.registryClient(null);
        EventCodec codec = assembly.codec(registry);
        ServiceConnections connections = assembly.watch(connection, registry);
        shutdown.closeOnShutdown(connections);
        health.watching(connections);
        VelocityModel model = models.loadVelocityField(null);
        // Closed on shutdown in reverse order: the service finishes its studies before the model goes.
        shutdown.closeOnShutdown(model);
        health.loaded(model.info().name());
        // A refused password or a wrong protocol keeps serve up and unready, saying why (ConnectionWatch), not crashed.
        if (!connections.kafka().awaitReachable()) {
            return 0;
        }
        prepareTopicsInBackground(connection, codec);
        StudyService service = assembly.start(model, codec, connection, metrics);
        shutdown.closeOnShutdown(service);
        health.serving(service);
        shutdown.closeOnShutdown(health::stopped);
        Topics topics = assembly.topics();
        LOG.infof("serving %s %s: %s -> %s, %s, %s (dead letters: %s)", model.info().name(), model.info().version(),
                topics.studies(), topics.segmentations(), topics.uncertainty(), topics.alerts(), topics.deadLetter());
        service.stopped().whenComplete((ignored, failure) -> Quarkus.asyncExit(failure == null ? 0 : 1));
        Quarkus.waitForExit();
        return service.stopped().isCompletedExceptionally() ? 1 : 0;
    }

    /**
     * Serve does not wait on this: topics and initial policy follow as soon as the broker lets
     * them be made (the monitoring topology waits for its input topics).
     */
    private void prepareTopicsInBackground(Map<String, Object> connection, EventCodec codec) {
        Thread thread = new Thread(() -> {
            while (true) {
                try {
                    assembly.prepareTopics(connection, codec);
                    windowGauges.start();
                    return;
                } catch (RuntimeException e) {
                    LOG.warnf("could not prepare the topics and initial policy yet (%s); retrying", e.getMessage());
                    try {
                        Thread.sleep(RETRY_PREPARE.toMillis());
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }, "flowseg-prepare-topics");
        thread.setDaemon(true);
        thread.start();
    }
}
