package io.flowseg.monitoring;

import static io.flowseg.monitoring.MonitoringFixtures.TIMEOUT;
import static io.flowseg.monitoring.MonitoringFixtures.await;
import static io.flowseg.monitoring.MonitoringFixtures.map;
import static io.flowseg.monitoring.MonitoringFixtures.policy;
import static io.flowseg.monitoring.MonitoringFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flowseg.alerts.AlertScope;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.Severity;
import io.flowseg.embedded.EmbeddedBroker;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.events.UncertaintyStatistics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the monitoring topology in one JVM, on the real in-JVM broker, each with its
 * own application.server and a small HTTP endpoint serving its local answers at the peer paths:
 * an instance asked for a study another instance holds fetches it from there, and list answers
 * hold both instances' partitions. With one instance gone, lists answer partially and a study it
 * held cannot be read. An instance that joins later and takes a partition over shows the cases
 * alerted before it, restored from the image stores' changelogs.
 */
class ClusterQueriesBrokerTest {
    private static final int STUDIES = 8;

    @Test
    void eachInstanceAnswersForTheWholeCluster() throws Exception {
        String applicationId = "cluster-queries-test-" + UUID.randomUUID();
        try (BrokerStack stack = new BrokerStack()) {
            MonitoringSettings settings = stack.settings;
            PeerAnswers answers = new PeerAnswers(stack.serdes, settings.topics());
            alertOnEveryStudy(stack);
            try (Instance a = new Instance(stack.broker, applicationId, settings, stack.serdes, answers);
                 Instance b = new Instance(stack.broker, applicationId, settings, stack.serdes, answers)) {
                await("both instances holding partitions", () -> a.streams.state() == KafkaStreams.State.RUNNING
                        && b.streams.state() == KafkaStreams.State.RUNNING
                        && a.streams.streamsMetadataForStore(MonitoringStores.RECENT_ALERTS).size() == 2
                        && a.streams.streamsMetadataForStore(MonitoringStores.HOURLY).size() == 2);

                List<String> studies = sendStudies(stack);
                await("every study counted", () -> studiesCounted(a) == STUDIES && studiesCounted(b) == STUDIES);

                // Lists: each instance holds some of the studies, and answers with all of them.
                List<String> localA = alertedStudies(a.local().recentAlerts(100, AlertFilter.ANY));
                List<String> localB = alertedStudies(b.local().recentAlerts(100, AlertFilter.ANY));
                assertFalse(localA.isEmpty(), "instance a holds a partition with studies");
                assertFalse(localB.isEmpty(), "instance b holds a partition with studies");
                for (Instance asked : List.of(a, b)) {
                    ClusterAnswer<List<RecentAlert>> alerts = asked.cluster.recentAlerts(100, AlertFilter.ANY);
                    assertFalse(alerts.partial());
                    assertEquals(Set.copyOf(studies), Set.copyOf(alertedStudies(alerts.value())));
                    assertTrue(isNewestFirst(alerts.value()));
                    assertEquals(3, asked.cluster.recentAlerts(3, AlertFilter.ANY).value().size());
                    assertEquals(List.of("study-5"), alertedStudies(asked.cluster.recentAlerts(10,
                            new AlertFilter("SITE-5", null, null, null)).value()));
                    List<String> cases = asked.cluster.alertedCases(100).value().stream().map(AlertedCase::studyId)
                            .toList();
                    assertEquals(alertedStudies(alerts.value()), cases, "every case, in the order of its alert");
                }
                List<UncertaintyStatistics> windowsA = hourly(a.cluster).value();
                assertEquals(STUDIES, windowsA.size(), "one window per site");
                assertEquals(windowsA, hourly(b.cluster).value());
                assertTrue(hourly(a.local()).size() < STUDIES && hourly(b.local()).size() < STUDIES,
                        "each instance holds only some of the windows");

                // A study: read where its partition is, whichever instance is asked.
                String heldByB = localB.get(0);
                assertEquals(Optional.empty(), a.local().alertedMap(heldByB));
                assertEquals(heldByB, a.cluster.alertedMap(heldByB).orElseThrow().getStudy().getStudyId());
                AlertedCase alertedCase = a.cluster.alertedCase(heldByB).orElseThrow();
                assertEquals(1, alertedCase.alerts().size());
                assertEquals(heldByB, alertedCase.segmentation().orElseThrow().getStudy().getStudyId());
                for (String study : studies) {
                    assertTrue(a.cluster.segmentation(study).isPresent(), study);
                    assertTrue(b.cluster.alertedMap(study).isPresent(), study);
                }
                assertEquals(Optional.empty(), a.cluster.alertedMap("never-sent"));

                // Instance b's HTTP endpoint gone: lists say so, its studies cannot be read from a.
                b.endpoint.stop(0);
                ClusterAnswer<List<RecentAlert>> partial = a.cluster.recentAlerts(100, AlertFilter.ANY);
                assertTrue(partial.partial());
                assertTrue(partial.unanswered().get(0).contains(":" + b.endpoint.getAddress().getPort()),
                        partial.unanswered().toString());
                assertEquals(Set.copyOf(localA), Set.copyOf(alertedStudies(partial.value())));
                assertThrows(PeerUnreachableException.class, () -> a.cluster.alertedMap(heldByB));
            }
        }
    }

    @Test
    void anInstanceTakingOverAPartitionShowsTheCasesAlertedBeforeIt() throws Exception {
        String applicationId = "cluster-takeover-test-" + UUID.randomUUID();
        try (BrokerStack stack = new BrokerStack()) {
            MonitoringSettings settings = stack.settings;
            PeerAnswers answers = new PeerAnswers(stack.serdes, settings.topics());
            alertOnEveryStudy(stack);
            try (Instance a = new Instance(stack.broker, applicationId, settings, stack.serdes, answers)) {
                List<String> studies = sendStudies(stack);
                await("every case and segmentation kept by the only instance", () -> studies.stream().allMatch(
                        study -> a.local().alertedMap(study).isPresent() && a.local().segmentation(study).isPresent()));

                // b joins with an empty state directory, as a new or rescheduled pod does, and takes a partition over.
                try (Instance b = new Instance(stack.broker, applicationId, settings, stack.serdes, answers)) {
                    await("b holding a partition", () -> b.streams.state() == KafkaStreams.State.RUNNING
                            && !b.local().alertedCases(100).isEmpty());
                    for (Instance asked : List.of(a, b)) {
                        assertEquals(Set.copyOf(studies), asked.cluster.alertedCases(100).value().stream()
                                .map(AlertedCase::studyId).collect(Collectors.toSet()), "every case, whoever holds it");
                        for (String study : studies) {
                            assertTrue(asked.cluster.alertedCase(study).orElseThrow().segmentation().isPresent(), study);
                        }
                    }
                }
                for (String store : List.of(MonitoringStores.ALERTED_MAPS, MonitoringStores.RECENT_SEGMENTATIONS)) {
                    assertEquals(Integer.toString(settings.maxRecordBytes()), changelogConfig(stack.connection,
                            applicationId + "-" + store + "-changelog", TopicConfig.MAX_MESSAGE_BYTES_CONFIG), store);
                }
            }
        }
    }

    /** One topology instance with its HTTP endpoint on a free port, advertised as its application.server. */
    private static final class Instance implements AutoCloseable {
        final HttpServer endpoint;
        final KafkaStreams streams;
        final ClusterQueries cluster;
        private final PeerAnswers answers;

        Instance(EmbeddedBroker broker, String applicationId, MonitoringSettings settings, MonitoringSerdes serdes,
                 PeerAnswers answers) throws IOException {
            this.answers = answers;
            this.endpoint = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            HostInfo self = new HostInfo("localhost", endpoint.getAddress().getPort());
            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("flowseg-cluster-test").toString());
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
            config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            this.streams = new KafkaStreams(MonitoringTopology.build(settings, serdes, MonitoringListener.NONE), config);
            this.cluster = new ClusterQueries(streams, self, serdes.key().serializer(),
                    new PeerClient(Duration.ofSeconds(2)), answers);
            endpoint.createContext(PeerClient.BASE, this::answer);
            endpoint.start();
            streams.start();
        }

        MonitoringQueries local() {
            return new MonitoringQueries(streams);
        }

        /** What PeerResource answers in the service, from this instance's own stores. */
        private void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath().substring(PeerClient.BASE.length());
            Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
            Optional<byte[]> body;
            try {
                if (path.equals(PeerClient.ALERTS)) {
                    body = Optional.of(answers.writeAlerts(local().recentAlerts(Integer.parseInt(query.get("limit")),
                            new AlertFilter(query.get("site"), query.get("severity"), query.get("policy"),
                                    query.get("study")))));
                } else if (path.equals(PeerClient.CASES)) {
                    body = Optional.of(answers.writeCases(local().alertedCases(Integer.parseInt(query.get("limit")))));
                } else if (path.equals(PeerClient.WINDOWS)) {
                    body = Optional.of(answers.writeWindows(local().windows(StatisticsWindow.valueOf(query.get("window")),
                            Instant.ofEpochMilli(Long.parseLong(query.get("from"))),
                            Instant.ofEpochMilli(Long.parseLong(query.get("to"))))));
                } else if (path.startsWith(PeerClient.ALERTED_MAPS + "/")) {
                    body = local().alertedMap(study(path)).map(answers::writeMap);
                } else {
                    body = local().segmentation(study(path)).map(answers::writeSegmentation);
                }
            } catch (InvalidStateStoreException notNow) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(body.isPresent() ? 200 : 404, body.map(bytes -> bytes.length).orElse(-1));
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.orElse(new byte[0]));
            }
        }

        private static String study(String path) {
            return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        }

        private static Map<String, String> parameters(String rawQuery) {
            return rawQuery == null ? Map.of() : java.util.Arrays.stream(rawQuery.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
            endpoint.stop(0);
            streams.close(Duration.ofSeconds(10));
        }
    }

    private static ClusterAnswer<List<UncertaintyStatistics>> hourly(ClusterQueries cluster) {
        return cluster.statistics(StatisticsWindow.HOURLY, Instant.now().minus(Duration.ofHours(2)), Instant.now());
    }

    private static List<UncertaintyStatistics> hourly(MonitoringQueries local) {
        return local.statistics(StatisticsWindow.HOURLY, Instant.now().minus(Duration.ofHours(2)), Instant.now());
    }

    private static long studiesCounted(Instance instance) {
        return hourly(instance.cluster).value().stream().mapToLong(UncertaintyStatistics::getStudies).sum();
    }

    private static List<String> alertedStudies(List<RecentAlert> alerts) {
        return alerts.stream().map(recent -> recent.alert().getStudy().getStudyId()).toList();
    }

    private static boolean isNewestFirst(List<RecentAlert> alerts) {
        for (int i = 1; i < alerts.size(); i++) {
            if (alerts.get(i).raisedAt().isAfter(alerts.get(i - 1).raisedAt())) {
                return false;
            }
        }
        return true;
    }

    private static SegmentationResult segmentation(UncertaintyMap map) {
        return SegmentationResult.newBuilder().setStudy(map.getStudy()).setConsensusMask(map.getVariance())
                .setMeanProbability(map.getVariance()).setForegroundAreaPixels(20).setForegroundAreaMm2(null)
                .setSettings(map.getSettings()).setTimings(map.getTimings()).setImagePreview(null).build();
    }

    /** The topics, and a policy that every study of {@link #sendStudies} passes. */
    private static void alertOnEveryStudy(BrokerStack stack) throws Exception {
        createTopics(stack.connection, stack.settings);
        try (PolicyTopic policies = new PolicyTopic(stack.connection, stack.settings.topics().policies(), stack.codec)) {
            policies.write(policy("all", AlertScope.ANY, "meanVarianceForeground", Comparator.GT, 0.1,
                    Severity.WARNING, true), TIMEOUT);
        }
    }

    /** {@link #STUDIES} studies' maps and segmentations, one site each; returns their ids. */
    private static List<String> sendStudies(BrokerStack stack) {
        Instant acquired = Instant.now().minusSeconds(60);
        List<String> studies = new ArrayList<>();
        for (int i = 0; i < STUDIES; i++) {
            UncertaintyMap map = map("study-" + i, "site-" + i, "CT", "CHEST", acquired, 0.3);
            String study = map.getStudy().getStudyId();
            studies.add(study);
            send(stack.connection, stack.codec, stack.settings.topics().uncertainty(), study, map);
            send(stack.connection, stack.codec, stack.settings.topics().segmentations(), study, segmentation(map));
        }
        return studies;
    }

    private static String changelogConfig(Map<String, Object> connection, String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(connection)) {
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value();
        }
    }

    private static void createTopics(Map<String, Object> connection, MonitoringSettings settings) throws Exception {
        try (Admin admin = Admin.create(connection)) {
            admin.createTopics(List.of(new NewTopic(settings.topics().uncertainty(), 2, (short) 1),
                    new NewTopic(settings.topics().segmentations(), 2, (short) 1),
                    new NewTopic(settings.topics().policies(), 1, (short) 1),
                    new NewTopic(settings.topics().alerts(), 1, (short) 1),
                    new NewTopic(settings.topics().statistics(), 1, (short) 1))).all().get();
        }
    }
}
