package io.flowseg.service;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jboss.logging.Logger;

/**
 * Closes what a long-running command started when the process is asked to stop (SIGTERM,
 * Ctrl-C). Quarkus runs shutdown observers inside the JVM's shutdown, and the JVM waits for them,
 * so in-flight studies are finished and committed before it exits; a command's own code after
 * {@code waitForExit} would be cut off.
 */
@ApplicationScoped
public class GracefulShutdown {
    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Closed on shutdown, the last registered first. */
    public synchronized void closeOnShutdown(AutoCloseable resource) {
        resources.push(resource);
    }

    /** After the extensions' own shutdown (Kafka Streams closes first): the demo's broker must outlive its clients. */
    synchronized void onShutdown(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent event) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("closing on shutdown failed", e);
            }
        }
    }
}
