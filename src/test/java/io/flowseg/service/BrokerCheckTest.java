package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the broker check says against a SASL_SSL and a mutual-TLS listener, with right and wrong settings. */
class BrokerCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path folder;
    private static SecureBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = SecureBroker.start(folder);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void theRightScramCredentialsOverTlsReachTheBroker() {
        assertEquals(ConnectionStatus.REACHABLE, check(broker.saslSsl(SecureBroker.PASSWORD)));
    }

    @Test
    void aWrongPasswordIsReportedAsRefusedCredentialsWithoutThePassword() {
        ConnectionStatus status = check(broker.saslSsl("not-the-password"));

        assertFalse(status.reachable());
        assertTrue(status.problem().contains("Kafka refused flowseg's SASL credentials"), status.problem());
        assertTrue(status.problem().contains("kafka.sasl.jaas.config"), status.problem());
        assertFalse(status.problem().contains("not-the-password"), status.problem());
    }

    @Test
    void plainTextToATlsListenerIsReportedAsSuch() {
        ConnectionStatus status = check(broker.plaintextToSecureListener());

        assertFalse(status.reachable());
        assertTrue(status.problem().contains("expects TLS, but kafka.security.protocol is PLAINTEXT"), status.problem());
    }

    @Test
    void mutualTlsNeedsTheClientCertificate() {
        assertEquals(ConnectionStatus.REACHABLE, check(broker.mutualTls(true)));

        ConnectionStatus withoutCertificate = check(broker.mutualTls(false));
        assertFalse(withoutCertificate.reachable());
        assertTrue(withoutCertificate.problem().contains("TLS handshake with Kafka"), withoutCertificate.problem());
    }

    @Test
    void anAddressWhereNothingListensIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConnectionStatus status = check(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port));

        assertFalse(status.reachable());
        assertTrue(status.problem().contains("nothing listens at 127.0.0.1:" + port), status.problem());
    }

    private static ConnectionStatus check(Map<String, Object> connection) {
        try (BrokerCheck check = new BrokerCheck(connection)) {
            return check.check(TIMEOUT);
        }
    }
}
