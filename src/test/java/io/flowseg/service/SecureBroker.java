package io.flowseg.service;

import io.flowseg.embedded.EmbeddedBroker;
import io.flowseg.wire.TestCertificates;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * The embedded broker with two secured listeners on loopback, as a hospital's Kafka would have:
 * {@code SECURE} (SASL_SSL, SCRAM-SHA-512) and {@code MUTUAL} (SSL, client certificate required).
 * Its plaintext listener is only for setting it up (the SCRAM user) and for the embedded registry.
 */
final class SecureBroker implements AutoCloseable {
    static final String USER = "flowseg";
    static final String PASSWORD = "scram-secret-0";
    private static final String SASL_LISTENER = "SECURE";
    private static final String MUTUAL_LISTENER = "MUTUAL";

    final EmbeddedBroker broker;
    final Path trustStore;
    final Path clientKeyStore;

    private SecureBroker(EmbeddedBroker broker, Path trustStore, Path clientKeyStore) {
        this.broker = broker;
        this.trustStore = trustStore;
        this.clientKeyStore = clientKeyStore;
    }

    /** Makes the certificates in {@code folder}, starts the broker and creates the SCRAM user. */
    static SecureBroker start(Path folder) throws Exception {
        TestCertificates certificates = new TestCertificates(folder);
        Path brokerKeyStore = certificates.keyStore("broker");
        Path clientKeyStore = certificates.keyStore("client");
        Path clientsTrust = certificates.trustStore("PKCS12", "clients-trust.p12", List.of(brokerKeyStore));
        Path brokerTrust = certificates.trustStore("PKCS12", "broker-trust.p12", List.of(clientKeyStore));

        Map<String, String> settings = new HashMap<>();
        settings.put("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                + SASL_LISTENER + "://localhost:0," + MUTUAL_LISTENER + "://localhost:0");
        settings.put("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,"
                + SASL_LISTENER + ":SASL_SSL," + MUTUAL_LISTENER + ":SSL");
        String sasl = "listener.name." + SASL_LISTENER.toLowerCase() + ".";
        settings.put(sasl + "sasl.enabled.mechanisms", "SCRAM-SHA-512");
        settings.put(sasl + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        serverKeyStore(settings, sasl, brokerKeyStore);
        String mutual = "listener.name." + MUTUAL_LISTENER.toLowerCase() + ".";
        serverKeyStore(settings, mutual, brokerKeyStore);
        settings.put(mutual + "ssl.truststore.location", brokerTrust.toString());
        settings.put(mutual + "ssl.truststore.password", TestCertificates.PASSWORD);
        settings.put(mutual + "ssl.truststore.type", "PKCS12");
        settings.put(mutual + "ssl.client.auth", "required");

        EmbeddedBroker broker = EmbeddedBroker.start(settings);
        try {
            createUser(broker);
            return new SecureBroker(broker, clientsTrust, clientKeyStore);
        } catch (Exception e) {
            broker.close();
            throw e;
        }
    }

    private static void serverKeyStore(Map<String, String> settings, String prefix, Path keyStore) {
        settings.put(prefix + "ssl.keystore.location", keyStore.toString());
        settings.put(prefix + "ssl.keystore.password", TestCertificates.PASSWORD);
        settings.put(prefix + "ssl.key.password", TestCertificates.PASSWORD);
        settings.put(prefix + "ssl.keystore.type", "PKCS12");
    }

    private static void createUser(EmbeddedBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORD))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The client settings of SASL_SSL with SCRAM-SHA-512 as {@link #USER}, with this password. */
    Map<String, Object> saslSsl(String password) {
        Map<String, Object> connection = new HashMap<>(tls(SASL_LISTENER));
        connection.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        connection.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        connection.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"" + USER + "\" password=\"" + password + "\";");
        return connection;
    }

    /** Mutual TLS: the client's certificate when {@code withCertificate}, else only the trust store. */
    Map<String, Object> mutualTls(boolean withCertificate) {
        Map<String, Object> connection = new HashMap<>(tls(MUTUAL_LISTENER));
        connection.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        if (withCertificate) {
            connection.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, clientKeyStore.toString());
            connection.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, TestCertificates.PASSWORD);
            connection.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, TestCertificates.PASSWORD);
            connection.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
        }
        return connection;
    }

    /** A plaintext client pointed at the SASL_SSL listener. */
    Map<String, Object> plaintextToSecureListener() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.listenerAddress(SASL_LISTENER));
    }

    private Map<String, Object> tls(String listener) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.listenerAddress(listener),
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toString(),
                SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, TestCertificates.PASSWORD,
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
    }

    @Override
    public void close() {
        broker.close();
    }
}
