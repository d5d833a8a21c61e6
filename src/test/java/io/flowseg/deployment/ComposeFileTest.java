package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.deployment.ComposeFile.Mount;
import io.flowseg.deployment.ComposeFile.PublishedPort;
import io.flowseg.deployment.TopicScript.Topic;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against what it must agree with: the repository's files, flowseg's configuration keys,
 * Kafka's client settings, the Prometheus and Grafana configuration it mounts, and the dashboard JSON.
 */
class ComposeFileTest {
    private static final List<String> FLOWSEG = List.of("flowseg-gpu", "flowseg-cpu");

    private static ComposeFile compose;
    private static ApplicationProperties properties;

    @BeforeAll
    static void load() throws IOException {
        compose = ComposeFile.load();
        properties = ApplicationProperties.load();
    }

    @Test
    void theStackHasItsServices() {
        assertEquals(new TreeSet<>(List.of("kafka", "topics", "schema-registry", "flowseg-gpu", "flowseg-cpu",
                "prometheus", "grafana")), compose.serviceNames());
    }

    @Test
    void everyFileTheStackMountsOrBuildsFromIsInTheRepository() {
        for (String name : compose.serviceNames()) {
            for (Mount mount : compose.mounts(name)) {
                if (mount.bind()) {
                    assertTrue(Files.exists(mount.inRepository()), name + " mounts " + mount.source() + ", which is missing");
                }
            }
            JsonNode build = compose.service(name).path("build");
            if (!build.isMissingNode()) {
                Path context = ComposeFile.PATH.toAbsolutePath().getParent().resolve(build.path("context").asText());
                assertTrue(Files.isDirectory(context), name + " builds from " + context + ", which is missing");
                assertTrue(Files.isRegularFile(context.resolve(build.path("dockerfile").asText())),
                        name + " builds with " + build.path("dockerfile").asText() + ", which is missing");
            }
        }
        assertEquals(Path.of("src/main/docker/Dockerfile.cuda"),
                Path.of(compose.service("flowseg-gpu").path("build").path("dockerfile").asText()));
        assertEquals(Path.of("src/main/docker/Dockerfile.jvm"),
                Path.of(compose.service("flowseg-cpu").path("build").path("dockerfile").asText()));
    }

    @Test
    void theTopicsJobCreatesEveryTopicFlowsegAndTheRegistryUse() throws IOException {
        Map<String, Topic> created = topicScript();
        Set<String> wanted = properties.keysStartingWith("flowseg.topics.").stream().map(properties::get)
                .collect(Collectors.toCollection(TreeSet::new));
        wanted.add(compose.environment("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_TOPIC"));
        assertTrue(created.keySet().containsAll(wanted), "created " + created.keySet() + ", wanted " + wanted);

        String policies = properties.get("flowseg.topics.policies");
        Set<String> compacted = Set.of(policies, "_schemas");
        for (Topic topic : created.values()) {
            assertTrue(topic.partitions() >= 1, topic.name() + " without --partitions");
            if (compacted.contains(topic.name())) {
                assertEquals("compact", topic.configs().get("cleanup.policy"), topic.name());
            } else {
                assertTrue(Long.parseLong(topic.configs().get("retention.ms")) > 0, topic.name() + " without a retention");
            }
        }
        assertEquals(1, created.get("_schemas").partitions(), "the schema registry's store takes one partition");
        // Both keyed by study, and a study's map and segmentation are looked up together in the stores of the
        // instance that holds its partition (the dashboard's cases): co-partitioned.
        assertEquals(created.get(properties.get("flowseg.topics.uncertainty")).partitions(),
                created.get(properties.get("flowseg.topics.segmentations")).partitions());
        long studies = retention(created, "studies");
        long results = retention(created, "segmentations");
        long deadLetters = retention(created, "dead-letter");
        assertTrue(studies < results && results < deadLetters, "studies kept shortest, dead letters longest");
        String script = Files.readString(topicScriptPath());
        assertTrue(script.contains("--if-not-exists") && script.contains("--replication-factor 1"),
                "the job must be safe to run again, on one broker");
    }

    @Test
    void everyAcceptedStudysOutputFitsItsTopic() throws IOException {
        Map<String, Topic> created = topicScript();
        for (String flowseg : FLOWSEG) {
            long producerLimit = Long.parseLong(compose.environment(flowseg).get("KAFKA_MAX_REQUEST_SIZE"));
            for (String output : List.of("segmentations", "uncertainty", "dead-letter")) {
                Topic topic = created.get(properties.get("flowseg.topics." + output));
                assertTrue(Long.parseLong(topic.configs().get("max.message.bytes")) >= producerLimit,
                        topic.name() + " must take every record flowseg's producer may send");
            }
            long studies = Long.parseLong(created.get(properties.get("flowseg.topics.studies")).configs()
                    .get("max.message.bytes"));
            assertTrue(studies <= Long.parseLong(properties.get("flowseg.processor.max-message-bytes")),
                    "every event the studies topic takes is one flowseg processes");
            assertTrue(studies + 64 * 1024 <= producerLimit, "a dead letter carries its event, with room to spare");
        }
    }

    @Test
    void prometheusScrapesFlowsegsMetrics() throws IOException {
        JsonNode config = YamlTree.read(compose.mountAt("prometheus", "/etc/prometheus/prometheus.yml").inRepository());
        List<String> targets = new ArrayList<>();
        for (JsonNode job : config.path("scrape_configs")) {
            if ("/q/metrics".equals(job.path("metrics_path").asText())) {
                job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            }
        }
        String port = properties.get("quarkus.http.port");
        for (String flowseg : FLOWSEG) {
            Set<String> names = namesOnTheNetwork(flowseg);
            assertTrue(targets.stream().anyMatch(t -> names.contains(t.substring(0, t.indexOf(':')))
                            && t.endsWith(":" + port)),
                    "Prometheus scrapes " + targets + " at /q/metrics; " + flowseg + " is " + names + " port " + port);
            assertFalse(compose.environment(flowseg).containsKey("QUARKUS_HTTP_PORT"), "the scrape target assumes " + port);
        }
    }

    @Test
    void grafanasProvisionedDataSourceIsTheOneTheDashboardUses() throws IOException {
        Path provisioning = compose.mountAt("grafana", "/etc/grafana/provisioning").inRepository();
        List<JsonNode> dataSources = new ArrayList<>();
        try (Stream<Path> files = Files.list(provisioning.resolve("datasources"))) {
            for (Path file : files.toList()) {
                YamlTree.read(file).path("datasources").forEach(dataSources::add);
            }
        }
        JsonNode prometheus = dataSources.stream().filter(d -> d.path("isDefault").asBoolean()).findFirst()
                .orElseThrow(() -> new AssertionError("no default data source is provisioned"));
        assertEquals("prometheus", prometheus.path("type").asText());
        URI url = URI.create(prometheus.path("url").asText());
        assertTrue(compose.serviceNames().contains(url.getHost()) && url.getPort() == 9090,
                "the data source points at the stack's Prometheus: " + url);

        Mount dashboard = compose.mounts("grafana").stream()
                .filter(m -> m.inRepository().endsWith(Path.of("src/main/grafana/flowseg-dashboard.json"))).findFirst()
                .orElseThrow(() -> new AssertionError("Grafana does not mount src/main/grafana/flowseg-dashboard.json"));
        Set<String> providerPaths = new HashSet<>();
        try (Stream<Path> files = Files.list(provisioning.resolve("dashboards"))) {
            for (Path file : files.toList()) {
                YamlTree.read(file).path("providers").forEach(p -> providerPaths.add(p.path("options").path("path").asText()));
            }
        }
        assertTrue(providerPaths.stream().anyMatch(p -> Path.of(dashboard.target()).startsWith(p)),
                "the dashboard is mounted at " + dashboard.target() + ", outside every provider's path " + providerPaths);
        assertEquals(dashboard.target(), compose.environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));

        JsonNode json = new ObjectMapper().readTree(dashboard.inRepository().toFile());
        Map<String, String> dataSourceVariables = new java.util.HashMap<>();
        json.path("templating").path("list").forEach(v -> {
            if ("datasource".equals(v.path("type").asText())) {
                dataSourceVariables.put("${" + v.path("name").asText() + "}", v.path("query").asText());
            }
        });
        List<JsonNode> references = json.findValues("datasource");
        assertFalse(references.isEmpty());
        for (JsonNode reference : references) {
            String uid = reference.path("uid").asText();
            String type = reference.path("type").asText();
            if ("grafana".equals(type)) {
                continue; // Grafana's own annotations
            }
            if (dataSourceVariables.containsKey(uid)) {
                // A data source variable starts on the default data source of its type.
                assertEquals(prometheus.path("type").asText(), dataSourceVariables.get(uid), uid);
            } else {
                assertEquals(prometheus.path("uid").asText(), uid, "a panel names a data source Grafana does not have");
            }
        }
    }

    @Test
    void theGpuServiceReservesAnNvidiaGpuAndTheCpuServiceNone() {
        JsonNode devices = compose.service("flowseg-gpu").path("deploy").path("resources").path("reservations").path("devices");
        assertEquals(1, devices.size());
        assertEquals("nvidia", devices.get(0).path("driver").asText());
        assertEquals(1, devices.get(0).path("count").asInt());
        assertEquals(List.of("gpu"), textList(devices.get(0).path("capabilities")));
        assertEquals(List.of("gpu"), textList(compose.service("flowseg-gpu").path("profiles")));

        assertTrue(compose.service("flowseg-cpu").path("deploy").isMissingNode(), "the CPU service reserves nothing");
        assertEquals(List.of("cpu"), textList(compose.service("flowseg-cpu").path("profiles")));
        assertEquals(compose.environment("flowseg-cpu"), compose.environment("flowseg-gpu"));
    }

    @Test
    void flowsegsEnvironmentSetsRealSettings() throws IOException {
        Set<String> configKeys = properties.environmentNames();
        Set<String> launcherVariables = LauncherVariables.read();
        Set<String> kafkaClientKeys = KafkaClientSettings.names();
        for (String flowseg : FLOWSEG) {
            Map<String, String> environment = compose.environment(flowseg);
            assertTrue(environment.keySet().containsAll(Set.of("KAFKA_BOOTSTRAP_SERVERS", "FLOWSEG_REGISTRY_URL",
                    "FLOWSEG_PROCESSOR_TRANSACTIONAL_ID", "QUARKUS_LOG_CONSOLE_JSON_ENABLED")), environment.keySet().toString());
            for (String variable : environment.keySet()) {
                if (variable.startsWith(KafkaClientSettings.PREFIX)) {
                    String key = KafkaClientSettings.fromEnvironmentName(variable);
                    assertTrue(kafkaClientKeys.contains(key), variable + " is no Kafka client setting (" + key + ")");
                } else if (variable.startsWith("FLOWSEG_") || variable.startsWith("QUARKUS_")) {
                    assertTrue(configKeys.contains(variable) || launcherVariables.contains(variable),
                            variable + " names no key of application.properties and no variable of " + LauncherVariables.LAUNCHER);
                } else {
                    fail(flowseg + " sets " + variable + ", which flowseg does not read");
                }
            }
            assertFalse(environment.get("FLOWSEG_PROCESSOR_TRANSACTIONAL_ID").contains("$"),
                    "a fixed transactional id, the same after a restart");
        }
    }

    @Test
    void clientsUseTheListenersTheBrokerAndRegistryAdvertise() {
        Set<String> advertised = Stream.of(compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .map(l -> l.substring(l.indexOf("://") + 3)).collect(Collectors.toSet());
        for (String flowseg : FLOWSEG) {
            assertTrue(advertised.contains(compose.environment(flowseg).get("KAFKA_BOOTSTRAP_SERVERS")), flowseg);
            URI registry = URI.create(compose.environment(flowseg).get("FLOWSEG_REGISTRY_URL"));
            assertEquals("schema-registry", registry.getHost());
            assertEquals(URI.create(compose.environment("schema-registry").get("SCHEMA_REGISTRY_LISTENERS")).getPort(),
                    registry.getPort());
        }
        assertTrue(advertised.contains(compose.environment("topics").get("KAFKA_BOOTSTRAP_SERVERS")));
        String store = compose.environment("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS");
        assertTrue(advertised.contains(store.substring(store.indexOf("://") + 3)), store);
    }

    @Test
    void kafkasInternalTopicsHaveOneReplicaOnItsOneNode() {
        Map<String, String> kafka = compose.environment("kafka");
        for (String setting : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertEquals("1", kafka.get(setting), setting);
        }
        kafka.forEach((setting, value) -> {
            if (setting.endsWith("REPLICATION_FACTOR") || setting.endsWith("MIN_ISR") || setting.endsWith("MIN_INSYNC_REPLICAS")) {
                assertEquals("1", value, setting);
            }
        });
        assertEquals(kafka.get("KAFKA_NODE_ID") + "@kafka:9093", kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
        assertEquals("1", compose.environment("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR"));
    }

    @Test
    void onlyTheUserFacingPortsArePublishedAndOnlyOnLoopback() {
        Set<Integer> published = new TreeSet<>();
        for (String name : compose.serviceNames()) {
            for (PublishedPort port : compose.ports(name)) {
                assertEquals("127.0.0.1", port.hostAddress(), name + " publishes port " + port.hostPort() + " beyond this machine");
                published.add(port.hostPort());
            }
        }
        // flowseg (dashboard, API, metrics), Grafana, Prometheus, and for clients on the host Kafka's EXTERNAL listener
        // and the registry.
        assertEquals(new TreeSet<>(List.of(8080, 3000, 9090, 9094, 8081)), published);
        assertTrue(compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").contains("EXTERNAL://localhost:9094"));
    }

    @Test
    void flowsegRunsOnAReadOnlyRootWithAWritableTmpAndTimeToDrain() {
        for (String flowseg : FLOWSEG) {
            JsonNode service = compose.service(flowseg);
            assertTrue(service.path("read_only").asBoolean(), flowseg);
            String tmp = textList(service.path("tmpfs")).stream().filter(t -> t.startsWith("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(flowseg + " has no /tmp"));
            assertTrue(tmp.contains("exec") && !tmp.contains("noexec"), "native libraries unpacked in /tmp must load: " + tmp);
            assertTrue(properties.get("kafka-streams.state.dir").startsWith("${java.io.tmpdir}"));
            assertTrue(seconds(service.path("stop_grace_period").asText()) > seconds(properties.get("flowseg.processor.drain-timeout")),
                    "Compose would kill serve before it has drained");
            assertEquals("service_completed_successfully", service.path("depends_on").path("topics").path("condition").asText());
            assertEquals("service_healthy", service.path("depends_on").path("schema-registry").path("condition").asText());
        }
    }

    private static Path topicScriptPath() {
        List<String> command = textList(compose.service("topics").path("command"));
        return compose.mounts("topics").stream().filter(m -> command.contains(m.target())).findFirst()
                .orElseThrow(() -> new AssertionError("the topics job runs no script it mounts: " + command)).inRepository();
    }

    private static Map<String, Topic> topicScript() throws IOException {
        return TopicScript.read(topicScriptPath());
    }

    private static long retention(Map<String, Topic> created, String topic) {
        return Long.parseLong(created.get(properties.get("flowseg.topics." + topic)).configs().get("retention.ms"));
    }

    /** The service's name and its network aliases: what other containers reach it by. */
    private static Set<String> namesOnTheNetwork(String service) {
        Set<String> names = new HashSet<>(Set.of(service));
        compose.service(service).path("networks").forEach(network -> network.path("aliases").forEach(a -> names.add(a.asText())));
        return names;
    }

    private static List<String> textList(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    /** A duration as Compose and Quarkus write it here: 90s, 2m. */
    private static long seconds(String duration) {
        Matcher matcher = Pattern.compile("(\\d+)([sm])").matcher(duration);
        assertTrue(matcher.matches(), "unexpected duration " + duration);
        return Long.parseLong(matcher.group(1)) * (matcher.group(2).equals("m") ? 60 : 1);
    }
}
