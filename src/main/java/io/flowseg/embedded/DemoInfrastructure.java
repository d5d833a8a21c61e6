package io.flowseg.embedded;

import io.flowseg.config.InfrastructureOverride;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * The demo's in-process broker and registry, started when {@link #ENABLED} is set. They start before
 * anything else in the application does, Kafka Streams above all, and stop after everything else
 * has stopped. While they run, the configured Kafka and registry addresses give way to theirs
 * ({@link InfrastructureOverride}, {@link EmbeddedBrokerClients}); the service lifecycle makes
 * their topics and initial policy, as it does on a real cluster.
 */
@ApplicationScoped
public class DemoInfrastructure implements InfrastructureOverride {
    /** The system property the demo command sets before Quarkus starts. */
    public static final String ENABLED = "flowseg-demo.embedded";

    private volatile EmbeddedStack stack;

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (Boolean.getBoolean(ENABLED)) {
            System.out.println("flowseg demo: starting an in-process Kafka broker and schema registry ...");
            stack = EmbeddedStack.start();
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
