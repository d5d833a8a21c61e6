package io.flowseg.cli;

import io.flowseg.config.TopicNames;
import io.flowseg.service.ServiceLifecycle;
import io.quarkus.runtime.Quarkus;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;

/** The streaming service against the configured Kafka ({@code kafka.*}) and schema registry. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the streaming service: ImageStudy events in, results, uncertainty maps, alerts and "
                + "dead letters out, exactly once. Stops gracefully on SIGTERM or Ctrl-C.")
public class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(ServeCommand.class);

    private final ServiceLifecycle lifecycle;

    public ServeCommand(ServiceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<ServiceLifecycle.Running> started = lifecycle.start();
        if (started.isEmpty()) {
            return 0;
        }
        ServiceLifecycle.Running running = started.get();
        TopicNames topics = running.topics();
        LOG.infof("serving %s %s: %s -> %s, %s, %s (dead letters: %s)", running.model().info().name(),
                running.model().info().version(), topics.studies(), topics.segmentations(), topics.uncertainty(),
                topics.alerts(), topics.deadLetter());
        running.service().stopped().whenComplete((ignored, failure) -> Quarkus.asyncExit(failure == null ? 0 : 1));
        Quarkus.waitForExit();
        return running.service().stopped().isCompletedExceptionally() ? 1 : 0;
    }
}
