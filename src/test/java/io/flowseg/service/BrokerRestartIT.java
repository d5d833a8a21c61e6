package io.flowseg.service;

import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.SchemaRegistryClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away for 30 s in the middle of a stream and comes back on the same data
 * directory and address: serve reports itself unready, then ready again by itself, keeps running
 * throughout, and every study's results are published exactly once.
 *
 * <p>The broker is killed with SIGKILL rather than stopped with SIGTERM: a crash (the OOM killer, a
 * lost node, a kill after the grace period) is the harder case. Nothing is shut down in order: the
 * open transaction is left to the coordinator, and the restarted broker recovers its logs and
 * transaction state and waits out its predecessor's registration before serving.
 */
class BrokerRestartIT {
    private static final int STUDIES = 60;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void theBrokerGoingAwayMakesServeUnreadyNotDeadAndLosesNothing() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                     EmbeddedRegistryConfig.of(broker.bootstrapServers()))) {
            SchemaRegistryClient client = SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
            OutageDrill.Figures figures = OutageDrill.run(broker.connection(), client,
                    ExactlyOnceIT.serviceSettings(broker.bootstrapServers(), registry.url(),
                            "broker-restart", "broker-restart-0"),
                    STUDIES, new OutageDrill.Outage(OUTAGE, broker::kill, broker::boot));
            System.out.printf("broker drill: %d studies, broker killed and away %d s, %.1f s to answer again once"
                            + " restarted; unready after %.1f s, ready %.1f s after it answered; %d results committed"
                            + " during the outage%n", STUDIES, OUTAGE.toSeconds(), figures.secondsToReturn(),
                    figures.secondsToUnready(), figures.secondsToReady(), figures.resultsDuringOutage());
        }
    }
}
