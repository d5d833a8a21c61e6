package io.flowseg.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Entry point. Only the long-running commands open the HTTP port (health, metrics, API, dashboard)
 * and run the monitoring topology: the batch commands (sample, train, eval, ...) never bind a
 * port or connect to Kafka, so they run beside a serving instance. {@code demo} starts its
 * in-process broker and registry before Quarkus, which then connects to them as serve would to
 * the configured ones.
 */
@QuarkusMain
public class FlowsegMain implements QuarkusApplication {
    static final String HTTP_ENABLED = "quarkus.http.host-enabled";
    static final String MONITORING_ENABLED = "flowseg.monitoring.enabled";
    private static final Set<String> SERVING_COMMANDS = Set.of("serve", "demo");
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private final CommandLine commandLine;

    public FlowsegMain(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    public static void main(String... args) {
        if (args.length == 0 || !SERVING_COMMANDS.contains(args[0]) || List.of(args).stream().anyMatch(HELP::contains)) {
            Quarkus.run(FlowsegMain.class, args);
            return;
        }
        setUnlessGiven(HTTP_ENABLED, "true");
        setUnlessGiven(MONITORING_ENABLED, "true");
        if (!args[0].equals("demo")) {
            Quarkus.run(FlowsegMain.class, args);
            return;
        }
        System.out.println("flowseg demo: starting an in-process Kafka broker and schema registry ...");
        EmbeddedStack stack = EmbeddedStack.start();
        System.setProperty("kafka.bootstrap.servers", stack.bootstrapServers());
        System.setProperty("flowseg.registry.url", stack.registryUrl());
        // Fresh local state: the topology's stores belong to this broker, which lives as long as the process.
        System.setProperty("kafka-streams.state.dir", temporaryFolder("flowseg-demo-streams"));
        System.out.println(stack.describe());
        // Quarkus has stopped (Kafka Streams and the service closed) when this runs: the broker goes last.
        Quarkus.run(FlowsegMain.class, (exitCode, failure) -> {
            stack.close();
            System.exit(exitCode);
        }, args);
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
