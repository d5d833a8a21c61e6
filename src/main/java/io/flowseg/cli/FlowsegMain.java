package io.flowseg.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Set;
import picocli.CommandLine;

/**
 * Entry point. Only the long-running commands open the HTTP port (health checks, metrics): the
 * batch commands (sample, train, eval, ...) never bind one, so they run beside a serving instance.
 */
@QuarkusMain
public class FlowsegMain implements QuarkusApplication {
    static final String HTTP_ENABLED = "quarkus.http.host-enabled";
    private static final Set<String> SERVING_COMMANDS = Set.of("serve", "demo");

    private final CommandLine commandLine;

    public FlowsegMain(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    public static void main(String... args) {
        if (args.length > 0 && SERVING_COMMANDS.contains(args[0]) && System.getProperty(HTTP_ENABLED) == null) {
            System.setProperty(HTTP_ENABLED, "true");
        }
        Quarkus.run(FlowsegMain.class, args);
    }

    @Override
    public int run(String... args) {
        return commandLine.execute(args);
    }
}
