package io.flowseg.service;

import static io.flowseg.service.HttpPolling.awaitJson;
import static io.flowseg.service.HttpPolling.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.SchemaRegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * The cluster-wide API with two real {@code flowseg serve} processes on one broker: the result
 * topics have two partitions, so each instance's monitoring topology holds about half of the
 * studies, and each instance must still answer {@code /api/alerts}, {@code /api/cases} and every
 * case's images for all of them, forwarding to its peer by Kafka Streams' metadata. Killed, an
 * instance leaves the other's lists partial, marked so, until the group moves its partitions.
 */
class ClusterApiIT {
    private static final int STUDIES = 24;
    private static final int PARTITIONS = 2;
    private static final String MONITORING_GROUP = "flowseg-monitoring";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachInstanceAnswersForTheWholeCluster() throws Exception {
        Path log = Files.createTempFile("flowseg-cluster-api-", ".log");
        try (ServiceHarness harness = new ServiceHarness();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                     EmbeddedRegistryConfig.of(harness.broker.bootstrapServers()));
             Admin admin = Admin.create(harness.connection())) {
            TopicNames topics = TopicNames.defaults();
            admin.createTopics(Stream.of(topics.studies(), topics.segmentations(), topics.uncertainty(), topics.alerts())
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList()).all().get();
            SchemaRegistryClient client = SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
            CommittedResults.publishStudies(harness.connection(), client, topics.studies(), "cluster", STUDIES);

            int portA = freePort();
            int portB = freePort();
            try (ServiceProcess a = serve(harness, registry, "a", portA, log);
                 ServiceProcess b = serve(harness, registry, "b", portB, log);
                 CommittedResults segmentations = new CommittedResults(harness.connection(), topics.segmentations())) {
                segmentations.awaitAtLeast(STUDIES, () -> a.alive() && b.alive(), log);
                awaitMonitoringShared(admin);

                Set<String> expected = new HashSet<>();
                for (int i = 0; i < STUDIES; i++) {
                    expected.add(String.format("cluster-%03d", i));
                }
                for (int port : List.of(portA, portB)) {
                    String base = "http://127.0.0.1:" + port;
                    JsonNode alerts = awaitJson(base + "/api/alerts?limit=100", body -> studyIds(body).equals(expected));
                    assertEquals(expected, studyIds(alerts), "every study's alert from the instance on " + port);
                    HttpResponse<String> whole = get(base + "/api/alerts?limit=100");
                    assertTrue(whole.headers().firstValue("Flowseg-Partial").isEmpty(), "a whole answer: " + whole.headers());
                    JsonNode cases = JSON.readTree(get(base + "/api/cases?limit=100").body());
                    assertEquals(STUDIES, cases.size(), cases.toString());
                    for (String study : expected) {
                        assertEquals(200, get(base + "/api/cases/" + study).statusCode(), study + " from " + port);
                        HttpResponse<String> overlay = get(base + "/api/cases/" + study + "/overlay.png");
                        assertEquals(200, overlay.statusCode(), study + " overlay from " + port);
                        assertEquals("image/png", overlay.headers().firstValue("Content-Type").orElse(""));
                    }
                    JsonNode days = awaitJson(base + "/api/stats?window=daily&hours=96",
                            body -> body.size() == 1 && body.get(0).path("studies").asInt() == STUDIES);
                    assertEquals(STUDIES, days.get(0).path("studies").asInt(), "the whole cluster's count: " + days);
                }
                CommittedResults.assertEveryStudyOnce(harness.connection(), client, topics, STUDIES);

                // With b gone (and not yet out of the group), a answers with what it holds itself, and says so.
                b.kill();
                HttpResponse<String> partial = get("http://127.0.0.1:" + portA + "/api/alerts?limit=100");
                assertTrue(partial.headers().firstValue("Flowseg-Partial").orElse("").contains(":" + portB),
                        "the answer names the instance that did not answer: " + partial.headers());
                Set<String> heldByA = studyIds(JSON.readTree(partial.body()));
                assertTrue(!heldByA.isEmpty() && expected.containsAll(heldByA) && heldByA.size() < STUDIES,
                        "a held some of the studies, so the whole answers above came partly from b: " + heldByA);
                System.out.printf("cluster API: %d studies over %d partitions, both instances answered for all; "
                        + "with b killed, a answered %d, marked partial%n", STUDIES, PARTITIONS, heldByA.size());
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static ServiceProcess serve(ServiceHarness harness, EmbeddedSchemaRegistry registry, String instance, int port,
                                        Path log) throws Exception {
        Map<String, String> settings = ExactlyOnceIT.serviceSettings(harness.broker.bootstrapServers(), registry.url(),
                "cluster-api", "cluster-api-" + instance);
        settings.put("quarkus.http.port", Integer.toString(port));
        settings.put("flowseg.monitoring.advertised-address", "127.0.0.1:" + port);
        return ServiceProcess.serve(settings, log);
    }

    /** Waits until both instances' monitoring topologies hold some of the result partitions. */
    private static void awaitMonitoringShared(Admin admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(MONITORING_GROUP)).all().get()
                    .get(MONITORING_GROUP);
            if (group.members().size() == 2
                    && group.members().stream().allMatch(member -> !member.assignment().topicPartitions().isEmpty())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the two monitoring topologies did not share the partitions");
    }

    private static Set<String> studyIds(JsonNode alerts) {
        Set<String> ids = new HashSet<>();
        StreamSupport.stream(alerts.spliterator(), false).forEach(alert -> ids.add(alert.at("/alert/study/studyId").asText()));
        return ids;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
