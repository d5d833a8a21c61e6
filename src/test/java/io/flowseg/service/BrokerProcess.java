package io.flowseg.service;

import static io.flowseg.service.HttpPolling.freePort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka (combined broker and controller) in a JVM of its own, run from the
 * Kafka jars on the test's class path. Unlike the in-process broker it can be killed and started
 * again on the same data directory and the same address, as a broker restart in a cluster is.
 */
final class BrokerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final Path properties;
    private final Path log;
    private final String bootstrapServers;
    private Process process;

    private BrokerProcess(Path directory, String bootstrapServers) {
        this.directory = directory;
        this.properties = directory.resolve("server.properties");
        this.log = directory.resolve("broker.log");
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats a fresh data directory for a broker on two free loopback ports and starts it. */
    static BrokerProcess start() throws Exception {
        Path directory = Files.createTempDirectory("flowseg-broker-");
        String address = "127.0.0.1:" + freePort();
        String controller = "127.0.0.1:" + freePort();
        BrokerProcess broker = new BrokerProcess(directory, address);
        try {
            Files.writeString(broker.properties, settings(address, controller, directory.resolve("data")).entrySet()
                    .stream().map(setting -> setting.getKey() + "=" + setting.getValue())
                    .collect(Collectors.joining("\n", "", "\n")));
            // --standalone: this node is the whole controller quorum (a dynamic quorum of one voter).
            Process format = broker.java("kafka.tools.StorageTool", "format", "--standalone",
                    "--cluster-id", Uuid.randomUuid().toString(), "--config", broker.properties.toString());
            if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the broker's storage failed:\n" + broker.logText());
            }
            broker.boot();
            return broker;
        } catch (Exception e) {
            broker.close();
            throw e;
        }
    }

    /** One broker and controller on loopback, with the replication factors of 1 that a single node allows. */
    private static Map<String, String> settings(String address, String controller, Path data) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.bootstrap.servers", controller),
                Map.entry("listeners", "PLAINTEXT://" + address + ",CONTROLLER://" + controller),
                Map.entry("advertised.listeners", "PLAINTEXT://" + address),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", data.toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Map<String, Object> connection() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    /** Starts the broker on its data directory and address; returns once it answers. */
    void boot() throws Exception {
        process = java("kafka.Kafka", properties.toString());
        awaitAnswer();
    }

    /**
     * SIGKILL: no controlled shutdown. The restarted broker recovers its unflushed log segments,
     * rebuilds producer and transaction state from them, and waits out its predecessor's broker
     * registration before it serves.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitAnswer() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(connection())) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                            .get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    Thread.sleep(200);
                }
            }
        }
        throw new IllegalStateException("the broker did not answer at " + bootstrapServers + ":\n" + logText());
    }

    /**
     * A JVM running {@code mainClass} on the test's class path, its output appended to the log. The
     * Quarkus bootstrap runner is left out: its log initializer holds every line back until a Quarkus
     * application configures logging, which a broker never does.
     */
    private Process java(String mainClass, String... arguments) throws IOException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("quarkus-bootstrap-runner"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", classPath, mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private String logText() throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.substring(Math.max(0, text.length() - 5000));
    }

    /** Kills the broker and deletes its data directory. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
