package io.flowseg.embedded;

import io.flowseg.config.Endpoints;
import io.flowseg.config.InfrastructureOverride;
import io.flowseg.service.ServiceAssembly;
import io.flowseg.wire.ConfiguredWire;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * The demo's in-process broker and registry, started when {@link #ENABLED} is set. They start before
 * anything else in the application does, Kafka Streams above all, with their topics and initial
 * policy: the topology's global policy table fails at start without its topic, and the Kafka Streams
 * extension's topic check cannot wait for it here, as it knows only the configured address. The
 * service lifecycle's own preparation then finds everything made. They stop after everything else has stopped. While they run, the configured Kafka and
 * registry addresses give way to theirs ({@link ServiceAssembly}, {@link EmbeddedBrokerClients}).
 */
@ApplicationScoped
public class DemoInfrastructure implements InfrastructureOverride {
    /** The system property the demo command sets before Quarkus starts. */
    public static final String ENABLED = "flowseg-demo.embedded";

    private final Instance<ServiceAssembly> assembly;
    private final Endpoints endpoints;
    private final ConfiguredWire wire;
    private volatile EmbeddedStack stack;

    public DemoInfrastructure(Instance<ServiceAssembly> assembly, Endpoints endpoints, ConfiguredWire wire) {
        this.assembly = assembly;
        this.endpoints = endpoints;
        this.wire = wire;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (Boolean.getBoolean(ENABLED)) {
            System.out.println("flowseg demo: starting an in-process Kafka broker and schema registry ...");
            stack = EmbeddedStack.start();
            assembly.get().prepareTopics(endpoints.kafka(stack.bootstrapServers()),
                    wire.codec(wire.registryClient(stack.registryUrl())));
        }
    }

    @Override
    public Optional<String> bootstrapServers() {
        return Optional.ofNullable(stack).map(EmbeddedStack::bootstrapServers);
    }

    @Override
    public Optional<String> registryUrl() {
        return Optional.ofNullable(stack).map(EmbeddedStack::registryUrl);
    }

    public Optional<String> describe() {
        return Optional.ofNullable(stack).map(EmbeddedStack::describe);
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) ShutdownEvent event) {
        if (stack != null) {
            stack.close();
        }
    }
}
