package io.flowseg.service;

import io.flowseg.config.Endpoints;
import io.flowseg.config.TopicNames;
import io.flowseg.model.VelocityModel;
import io.flowseg.wire.ConfiguredWire;
import io.flowseg.wire.EventCodec;
import io.flowseg.wire.SchemaRegistryClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one start and stop of the streaming service, which {@code serve} and {@code demo} share:
 * the watches on Kafka and the registry, the model, the topics and initial policy, the study
 * service, each closed on shutdown in reverse order. Readiness reads its state ({@link ServiceHealth}).
 */
@ApplicationScoped
public class ServiceLifecycle {
    private static final Logger LOG = Logger.getLogger(ServiceLifecycle.class);
    private static final Duration RETRY_PREPARE = Duration.ofSeconds(10);

    /** What runs once {@link #start} returns, for the command that started it. */
    public record Running(VelocityModel model, StudyService service, TopicNames topics, Map<String, Object> connection,
                          SchemaRegistryClient registry, EventCodec codec) {
    }

    private final ServiceAssembly assembly;
    private final Endpoints endpoints;
    private final ConfiguredWire wire;
    private final ModelSource models;
    private final ProcessingListener listener;
    private final GracefulShutdown shutdown;
    private final Event<TopicsPrepared> topicsPrepared;

    private volatile ServiceConnections connections;
    private volatile String modelName;
    private volatile StudyService service;

    public ServiceLifecycle(ServiceAssembly assembly, Endpoints endpoints, ConfiguredWire wire, ModelSource models,
                            ProcessingListener listener, GracefulShutdown shutdown, Event<TopicsPrepared> topicsPrepared) {
        this.assembly = assembly;
        this.endpoints = endpoints;
        this.wire = wire;
        this.models = models;
        this.listener = listener;
        this.shutdown = shutdown;
        this.topicsPrepared = topicsPrepared;
    }

    /**
     * Starts the service; empty when it stopped before Kafka could be reached (a refused password
     * or a wrong protocol keeps the process up and unready, saying why, rather than crashed).
     */
    public Optional<Running> start() throws IOException, InterruptedException {
        Map<String, Object> connection = endpoints.kafka();
        SchemaRegistryClient registry = wire.registryClient();
        EventCodec codec = wire.codec(registry);
        connections = assembly.watch(connection, registry);
        shutdown.closeOnShutdown(connections);
        VelocityModel model = models.loadVelocityField(null);
        // Closed on shutdown in reverse order: the service finishes its studies before the model goes.
        shutdown.closeOnShutdown(model);
        modelName = model.info().name();
        if (!connections.kafka().awaitReachable()) {
            return Optional.empty();
        }
        prepareTopicsInBackground(connection, codec);
        StudyService started = assembly.start(model, codec, connection, listener);
        shutdown.closeOnShutdown(started);
        service = started;
        shutdown.closeOnShutdown(this::stopped);
        return Optional.of(new Running(model, started, assembly.topics(), connection, registry, codec));
    }

    /** The watches on Kafka and the registry, once started. */
    Optional<ServiceConnections> connections() {
        return Optional.ofNullable(connections);
    }

    /** The loaded model's name, once loaded. */
    Optional<String> modelName() {
        return Optional.ofNullable(modelName);
    }

    /** The running study service, until it is shut down. */
    Optional<StudyService> service() {
        return Optional.ofNullable(service);
    }

    private void stopped() {
        service = null;
        connections = null;
    }

    /**
     * Not waited on: topics and initial policy follow as soon as the broker lets them be made (the
     * monitoring topology waits for its input topics).
     */
    private void prepareTopicsInBackground(Map<String, Object> connection, EventCodec codec) {
        Thread thread = new Thread(() -> {
            while (true) {
                try {
                    assembly.prepareTopics(connection, codec);
                    topicsPrepared.fire(new TopicsPrepared());
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
