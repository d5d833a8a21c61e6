package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.embedded.DemoInfrastructure;
import io.flowseg.monitoring.TopologyProducer;
import io.flowseg.wire.AvroLimits;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import picocli.CommandLine;

/**
 * Entry point. Only the long-running commands open the HTTP port (health, metrics, API, dashboard)
 * and run the monitoring topology: the batch commands (sample, train, eval, ...) never bind a
 * port or connect to Kafka, so they run beside a serving instance. {@code demo} asks for an
 * in-process broker and registry ({@link DemoInfrastructure}).
 */
@QuarkusMain
public class FlowsegMain implements QuarkusApplication {
    static final String HTTP_ENABLED = "quarkus.http.host-enabled";
    private static final String MAX_MESSAGE_BYTES = "flowseg.processor.max-message-bytes";
    private static final String MAX_MESSAGE_BYTES_ENV = "FLOWSEG_PROCESSOR_MAX_MESSAGE_BYTES";
    private static final Set<String> SERVING_COMMANDS = Set.of("serve", "demo");
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private final CommandLine commandLine;

    public FlowsegMain(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    public static void main(String... args) {
        maxMessageBytes().ifPresent(AvroLimits::capAt);
        if (args.length == 0 || !SERVING_COMMANDS.contains(args[0]) || List.of(args).stream().anyMatch(HELP::contains)) {
            Quarkus.run(FlowsegMain.class, args);
            return;
        }
        setUnlessGiven(HTTP_ENABLED, "true");
        setUnlessGiven(TopologyProducer.ENABLED, "true");
        if (!args[0].equals("demo")) {
            Quarkus.run(FlowsegMain.class, args);
            return;
        }
        // The demo's broker and registry start first thing in Quarkus (DemoInfrastructure), with their
        // topics. The Kafka Streams extension's own admin client, which checks for the topics, knows
        // only the configured address, not theirs: no check, and no warnings from its attempts.
        System.setProperty(DemoInfrastructure.ENABLED, "true");
        System.setProperty("quarkus.kafka-streams.topics-timeout", "0");
        System.setProperty("quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR");
        // Fresh local state: the topology's stores belong to this broker, which lives as long as the process.
        System.setProperty("kafka-streams.state.dir", temporaryFolder("flowseg-demo-streams"));
        Quarkus.run(FlowsegMain.class, args);
    }

    /**
     * The event size limit as {@code -D} or the environment set it, else its default: read before
     * Quarkus starts, because Avro takes its limits once, when the first event is decoded. A value
     * that is no number is left to Quarkus' configuration check, which names the key.
     */
    private static OptionalInt maxMessageBytes() {
        String value = System.getProperty(MAX_MESSAGE_BYTES, System.getenv(MAX_MESSAGE_BYTES_ENV));
        try {
            return OptionalInt.of(Integer.parseInt(
                    (value != null ? value : FlowsegConfig.Processor.DEFAULT_MAX_MESSAGE_BYTES).trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static String temporaryFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            folder.toFile().deleteOnExit();
            return folder.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setUnlessGiven(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public int run(String... args) {
        return commandLine.execute(args);
    }
}
