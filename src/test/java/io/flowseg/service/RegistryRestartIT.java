package io.flowseg.service;

import static io.flowseg.service.HttpPolling.freePort;

import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.SchemaRegistryClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The schema registry goes away for 30 s in the middle of a stream and comes back on the same
 * address (its schemas kept in their topic): serve reports itself unready, then ready again by
 * itself, keeps running throughout, and every study's results are published exactly once.
 */
class RegistryRestartIT {
    private static final int STUDIES = 120;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void theRegistryGoingAwayMakesServeUnreadyNotDeadAndLosesNothing() throws Exception {
        try (ServiceHarness harness = new ServiceHarness();
             RestartableRegistry registry = new RestartableRegistry(
                     EmbeddedRegistryConfig.of(harness.broker.bootstrapServers()).withAddress("127.0.0.1", freePort()))) {
            SchemaRegistryClient client = SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
            OutageDrill.Figures figures = OutageDrill.run(harness.connection(), client,
                    ExactlyOnceIT.serviceSettings(harness.broker.bootstrapServers(), registry.url(),
                            "registry-restart", "registry-restart-0"),
                    STUDIES, new OutageDrill.Outage(OUTAGE, registry::close, registry::start));
            System.out.printf("registry drill: %d studies, registry away %d s; unready after %.1f s, ready"
                            + " %.1f s after it returned; %d results committed during the outage%n",
                    STUDIES, OUTAGE.toSeconds(), figures.secondsToUnready(), figures.secondsToReady(),
                    figures.resultsDuringOutage());
        }
    }

    /** The embedded registry, closed and started again on its one address. */
    private static final class RestartableRegistry implements AutoCloseable {
        private final EmbeddedRegistryConfig config;
        private EmbeddedSchemaRegistry registry;

        RestartableRegistry(EmbeddedRegistryConfig config) {
            this.config = config;
            start();
        }

        void start() {
            registry = EmbeddedSchemaRegistry.start(config);
        }

        String url() {
            return registry.url();
        }

        @Override
        public void close() {
            registry.close();
        }
    }
}
