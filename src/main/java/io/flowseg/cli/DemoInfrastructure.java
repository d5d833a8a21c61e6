package io.flowseg.cli;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * The demo's in-process broker and registry ({@link FlowsegMain} asks for them). They start before
 * anything else in the application does, Kafka Streams above all, with their topics and initial
 * policy, and stop after everything else has stopped. While they run, the configured Kafka and
 * registry addresses give way to theirs ({@link ServiceAssembly}, {@link EmbeddedBrokerClients}).
 */
@ApplicationScoped
public class DemoInfrastructure {
    private final Instance<ServiceAssembly> assembly;
    private volatile EmbeddedStack stack;

    public DemoInfrastructure(Instance<ServiceAssembly> assembly) {
        this.assembly = assembly;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (Boolean.getBoolean(FlowsegMain.DEMO_EMBEDDED)) {
            System.out.println("flowseg demo: starting an in-process Kafka broker and schema registry ...");
            stack = EmbeddedStack.start();
            ServiceAssembly service = assembly.get();
            service.prepareTopics(service.connection(null), service.codec(service.registryClient(null)));
        }
    }

    Optional<String> bootstrapServers() {
        return Optional.ofNullable(stack).map(EmbeddedStack::bootstrapServers);
    }

    Optional<String> registryUrl() {
        return Optional.ofNullable(stack).map(EmbeddedStack::registryUrl);
    }

    Optional<String> describe() {
        return Optional.ofNullable(stack).map(EmbeddedStack::describe);
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) ShutdownEvent event) {
        if (stack != null) {
            stack.close();
        }
    }
}
