package io.flowseg.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLParameters;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS set-up from trust and key stores, and mutual TLS against an HTTPS server. One self-signed
 * certificate (made by the JDK's keytool) serves as the server's and the client's.
 */
class RegistryTlsTest {

    private static final String PASSWORD = TestCertificates.PASSWORD;
    private static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    @TempDir
    static Path dir;
    private static Path keyStore;
    private static Path trustStore;
    private static Path jksTrustStore;

    @BeforeAll
    static void makeStores() throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        keyStore = certificates.keyStore("registry");
        trustStore = certificates.trustStore("PKCS12", "trust.p12", List.of(keyStore));
        jksTrustStore = certificates.trustStore("JKS", "trust.jks", List.of(keyStore));
    }

    @Test
    void buildsContextsFromPkcs12AndJksStores() {
        assertNotNull(RegistryTls.trustStore(trustStore, PASSWORD).withKeyStore(keyStore, PASSWORD).sslContext());
        assertNotNull(new RegistryTls(jksTrustStore, PASSWORD, "JKS", null, null, null, null).sslContext());
        assertNotNull(new RegistryTls(null, null, null, null, null, null, null).sslContext());
    }

    @Test
    void aWrongPasswordNamesTheStoreButNotThePassword() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> RegistryTls.trustStore(trustStore, "wrong-password").sslContext());

        assertTrue(failure.getMessage().contains("trust store " + trustStore), failure.getMessage());
        assertFalse(failure.getMessage().contains("wrong-password"), failure.getMessage());
        assertFalse(RegistryTls.trustStore(trustStore, "wrong-password").toString().contains("wrong-password"));
    }

    @Test
    void aMissingStoreIsNamed() {
        Path missing = dir.resolve("missing.p12");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> RegistryTls.trustStore(trustStore, PASSWORD).withKeyStore(missing, PASSWORD).sslContext());

        assertTrue(failure.getMessage().contains("key store " + missing), failure.getMessage());
    }

    @Test
    void talksMutualTlsWithTheRegistry() throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(RegistryTls.trustStore(trustStore, PASSWORD)
                .withKeyStore(keyStore, PASSWORD).sslContext()) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            byte[] body = "{\"schema\":\"\\\"string\\\"\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            RegistryClientConfig config = RegistryClientConfig.of("https://127.0.0.1:" + server.getAddress().getPort())
                    .withRetry(NO_RETRY);

            SchemaRegistryClient mutual = SchemaRegistryClient.create(
                    config.withTls(RegistryTls.trustStore(trustStore, PASSWORD).withKeyStore(keyStore, PASSWORD)));
            assertEquals(Schema.create(Schema.Type.STRING), mutual.schemaById(1));

            SchemaRegistryClient withoutCertificate = SchemaRegistryClient.create(
                    config.withTls(RegistryTls.trustStore(trustStore, PASSWORD)));
            assertEquals(0, assertThrows(SchemaRegistryException.class, () -> withoutCertificate.schemaById(1)).httpStatus());

            SchemaRegistryClient trustingOnlyJdkCas = SchemaRegistryClient.create(config);
            assertEquals(0, assertThrows(SchemaRegistryException.class, () -> trustingOnlyJdkCas.schemaById(1)).httpStatus());
        } finally {
            server.stop(0);
        }
    }
}
