package io.flowseg.service;

import static io.flowseg.service.HttpPolling.awaitJson;
import static io.flowseg.service.HttpPolling.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowseg.config.TopicNames;
import io.flowseg.deployment.ApplicationProperties;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.events.ImageStudy;
import io.flowseg.wire.AvroEventEncoder;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.RegistryTls;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SubjectNameStrategy;
import io.flowseg.wire.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowseg serve} from the packaged jar against Kafka over SASL_SSL (SCRAM-SHA-512) and
 * over mutual TLS, and the schema registry over HTTPS with basic auth, all set through the
 * documented configuration keys. A wrong password and a plain-text connection leave serve up
 * and unready, saying why in its readiness and its log.
 */
class SecureServeIT {
    private static final String REGISTRY_USER = "flowseg";
    private static final String REGISTRY_PASSWORD = "registry-secret-1";

    @TempDir
    static Path folder;
    private static SecureBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static Path registryTrust;

    @BeforeAll
    static void start() throws Exception {
        broker = SecureBroker.start(folder);
        TestCertificates certificates = new TestCertificates(folder);
        Path registryKeys = certificates.keyStore("registry");
        registryTrust = certificates.trustStore("PKCS12", "registry-trust.p12", List.of(registryKeys));
        registry = EmbeddedSchemaRegistry.start(EmbeddedRegistryConfig.of(broker.broker.bootstrapServers())
                .withBasicAuth(REGISTRY_USER, REGISTRY_PASSWORD)
                .withTls(new RegistryTls(null, null, null, registryKeys, TestCertificates.PASSWORD, "PKCS12", null)));
    }

    @AfterAll
    static void stop() {
        registry.close();
        broker.close();
    }

    /** Set as Kubernetes and compose set them: environment variables (KAFKA_SASL_JAAS_CONFIG, ...). */
    @Test
    void processesStudiesOverSaslSslWithTheRegistryOverHttps() throws Exception {
        assertProcessesStudiesOver(broker.saslSsl(SecureBroker.PASSWORD), "sasl-it", true);
    }

    /** Set as system properties (-Dkafka.ssl.keystore.location=...). */
    @Test
    void processesStudiesOverMutualTls() throws Exception {
        assertProcessesStudiesOver(broker.mutualTls(true), "mtls-it", false);
    }

    @Test
    void aWrongPasswordLeavesServeUpAndUnreadyWithTheReason() throws Exception {
        assertUnreadyWithReason(broker.saslSsl("wrong-password-7"), "Kafka refused flowseg's SASL credentials");
    }

    @Test
    void plainTextToTheTlsListenerLeavesServeUpAndUnreadyWithTheReason() throws Exception {
        assertUnreadyWithReason(broker.plaintextToSecureListener(), "expects TLS, but kafka.security.protocol is PLAINTEXT");
    }

    @Test
    void aWrongRegistryPasswordLeavesServeUnreadyWithTheReason() throws Exception {
        Path log = folder.resolve("registry-refused.log");
        int port = freePort();
        Map<String, String> settings = serveSettings(broker.saslSsl(SecureBroker.PASSWORD), ServiceHarness.freshTopics(),
                port, "registry-refused-it");
        settings.put("flowseg.registry.basic-auth-user-info", REGISTRY_USER + ":wrong-password-8");
        try (ServiceProcess serve = ServiceProcess.serve(settings, log)) {
            String reason = "the schema registry refused flowseg's credentials (HTTP 401)";
            JsonNode ready = awaitJson("http://127.0.0.1:" + port + "/q/health/ready",
                    body -> body.at("/checks/0/data/registry").asText().contains(reason));
            assertEquals("DOWN", ready.path("status").asText(), ready.toString());
            assertTrue(ready.at("/checks/0/data/registry").asText().contains(reason), ready.toString());
            assertEquals("reachable", ready.at("/checks/0/data/broker").asText(), ready.toString());
            assertTrue(serve.alive(), "serve must stay up");
            assertFalse(Files.readString(log).contains("wrong-password-8"), "the password was logged");
        }
    }

    private static void assertProcessesStudiesOver(Map<String, Object> connection, String name, boolean asEnvironment)
            throws Exception {
        TopicNames topics = ServiceHarness.freshTopics();
        Path log = folder.resolve(name + ".log");
        int port = freePort();
        Map<String, String> settings = serveSettings(connection, topics, port, name);
        try (ServiceProcess serve = asEnvironment
                ? ServiceProcess.start(List.of(), environmentOf(settings), Map.of(), log, List.of("serve"))
                : ServiceProcess.serve(settings, log)) {
            List<ImageStudy> studies = IntStream.range(0, 2)
                    .mapToObj(i -> StudyEvents.study(name + "-" + i).build()).toList();
            publish(connection, topics.studies(), studies);

            List<ConsumerRecord<byte[], byte[]>> results = TestClients.readUntil(connection, topics.segmentations(),
                    read -> read.size() >= studies.size(), Duration.ofSeconds(120));
            assertEquals(studies.size(), results.size(), "segmentations over " + name + "; log: " + Files.readString(log));
            JsonNode ready = awaitJson("http://127.0.0.1:" + port + "/q/health/ready",
                    body -> body.path("status").asText().equals("UP"));
            assertEquals("UP", ready.path("status").asText(), ready.toString());
            assertEquals("reachable", ready.at("/checks/0/data/broker").asText(), ready.toString());
            assertFalse(Files.readString(log).contains(SecureBroker.PASSWORD), "the Kafka password was logged");
            assertFalse(Files.readString(log).contains(REGISTRY_PASSWORD), "the registry password was logged");
        }
    }

    private static void assertUnreadyWithReason(Map<String, Object> connection, String reason) throws Exception {
        Path log = folder.resolve("refused-" + reason.hashCode() + ".log");
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        try (ServiceProcess serve = ServiceProcess.serve(serveSettings(connection, ServiceHarness.freshTopics(), port,
                "refused-it"), log)) {
            JsonNode ready = awaitJson(base + "/q/health/ready",
                    body -> body.at("/checks/0/data/broker").asText().contains(reason));
            assertEquals("DOWN", ready.path("status").asText(), ready.toString());
            assertTrue(ready.at("/checks/0/data/broker").asText().contains(reason), ready.toString());
            assertEquals("UP", awaitJson(base + "/q/health/live", body -> true).path("status").asText());
            assertTrue(serve.alive(), "serve must stay up");
            String output = Files.readString(log);
            assertTrue(output.contains("Kafka cannot be used; flowseg stays up, unready, and retries: "), output);
            assertTrue(output.contains(reason), output);
            assertFalse(output.contains("wrong-password-7"), "the password was logged");
        }
    }

    /** Everything through the documented keys: kafka.* for Kafka, flowseg.registry.* for the registry. */
    private static Map<String, String> serveSettings(Map<String, Object> connection, TopicNames topics, int port,
                                                     String transactionalId) {
        Map<String, String> settings = new HashMap<>();
        connection.forEach((key, value) -> settings.put("kafka." + key, value.toString()));
        settings.put("flowseg.registry.url", registry.url());
        settings.put("flowseg.registry.basic-auth-user-info", REGISTRY_USER + ":" + REGISTRY_PASSWORD);
        settings.put("flowseg.registry.trust-store", registryTrust.toString());
        settings.put("flowseg.registry.trust-store-password", TestCertificates.PASSWORD);
        settings.put("flowseg.topics.studies", topics.studies());
        settings.put("flowseg.topics.segmentations", topics.segmentations());
        settings.put("flowseg.topics.uncertainty", topics.uncertainty());
        settings.put("flowseg.topics.alerts", topics.alerts());
        settings.put("flowseg.topics.dead-letter", topics.deadLetter());
        settings.put("flowseg.processor.group-id", "flowseg-" + transactionalId);
        settings.put("flowseg.processor.transactional-id", transactionalId);
        settings.put("quarkus.kafka-streams.application-id", "flowseg-monitoring-" + transactionalId);
        settings.put("quarkus.http.port", Integer.toString(port));
        return settings;
    }

    /** Each key in its environment form (ApplicationProperties.environmentName), as deployments set them. */
    private static Map<String, String> environmentOf(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>();
        settings.forEach((key, value) -> environment.put(ApplicationProperties.environmentName(key), value));
        return environment;
    }

    /** Written as a hospital's producer would: over the same secured connection, registry over HTTPS. */
    private static void publish(Map<String, Object> connection, String topic, List<ImageStudy> studies) {
        AvroEventEncoder encoder = new AvroEventEncoder(SchemaRegistryClient.create(RegistryClientConfig
                .of(registry.url()).withBasicAuth(REGISTRY_USER + ":" + REGISTRY_PASSWORD)
                .withTls(RegistryTls.trustStore(registryTrust, TestCertificates.PASSWORD))),
                SubjectNameStrategy.TOPIC_NAME, true);
        TestClients.produce(connection, studies.stream().map(study -> new ProducerRecord<>(topic,
                encoder.encode(topic, true, study.getStudyId()), encoder.encode(topic, false, study))).toList());
    }
}
