package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.demo.DemoRun;
import io.flowseg.demo.DemoStudies;
import io.flowseg.embedded.DemoInfrastructure;
import io.flowseg.events.ImageStudy;
import io.flowseg.monitoring.TopologyProducer;
import io.flowseg.service.ServiceLifecycle;
import io.quarkus.runtime.Quarkus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole service on one machine with nothing configured: an in-process Kafka broker and
 * schema registry ({@link DemoInfrastructure}), the service and its monitoring topology, and
 * a hospital's worth of studies streamed through them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an in-process Kafka broker and schema registry, stream the LIDC test cases and some "
                + "synthetic ones through the service as ImageStudy events, show each result as it arrives, "
                + "write report.html, and exit (or, with --stay, keep the dashboard and API running).")
public class DemoCommand implements Callable<Integer> {
    /** How long a study's row waits for its alerts after its results are in (alerts follow from the monitoring topology). */
    private static final Duration ALERT_WAIT = Duration.ofSeconds(3);

    @Option(names = "--data", paramLabel = "DIR",
            description = "multi-rater folder whose image_* files are sent (default: the bundled LIDC test images)")
    Path data;

    @Option(names = "--synthetic", defaultValue = "6", description = "synthetic studies sent after them (default: ${DEFAULT-VALUE})")
    int synthetic;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the synthetic scenes (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    SamplingPresetOption preset = new SamplingPresetOption();

    @Option(names = "--steps", paramLabel = "N",
            description = "ODE steps each study requests, over --preset's; M and w vary per study "
                    + "(default: the preset's, else the service's default preset's)")
    Integer steps;

    @Option(names = "--solver", paramLabel = "NAME",
            description = "solver each study requests, over --preset's (default: the preset's, else the service's default preset's)")
    String solver;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "give up waiting for results after this long (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR", description = "where report.html goes (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--stay", description = "keep the broker, service, API and dashboard running after the studies, until Ctrl-C")
    boolean stay;

    private final FlowsegConfig config;
    private final ServiceLifecycle lifecycle;
    private final DemoInfrastructure infrastructure;
    private final TopologyProducer monitoring;

    public DemoCommand(FlowsegConfig config, ServiceLifecycle lifecycle, DemoInfrastructure infrastructure,
                       TopologyProducer monitoring) {
        this.config = config;
        this.lifecycle = lifecycle;
        this.infrastructure = infrastructure;
        this.monitoring = monitoring;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream console = System.out;
        String presetName = preset.checkedName(config);
        List<ImageStudy> studies = DemoStudies.varied(presetName, steps, solver)
                .events(DemoStudies.lidcImages(data), synthetic, seed);
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("nothing to send: " + data + " holds no image_* files and --synthetic is 0");
        }
        Files.createDirectories(out);
        console.println(infrastructure.describe().orElseThrow(
                () -> new IllegalStateException("the demo's broker did not start (run flowseg demo, not its command class)")));
        ServiceLifecycle.Running running = lifecycle.start().orElseThrow(
                () -> new IllegalStateException("the demo's broker stopped before the service started"));
        console.printf("model %s (%s)%n", running.model().info().name(), running.model().info().version());

        DemoRun run = new DemoRun(running.topics(), running.codec(), running.registry(), running.connection(), console,
                ALERT_WAIT);
        DemoRun.Summary summary = run.stream(studies, timeout);
        run.writeReport(out.resolve("report.html"), "requests: " + requested(presetName, steps, solver)
                + ", M and w varied per study; initial alert policy: " + monitoring.initialPolicy().id());
        console.println(summary.describe());
        console.println("report: " + out.resolve("report.html"));
        if (stay) {
            String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.port", String.class);
            console.println("dashboard: " + base + "/   API: " + base + "/api/policies, " + base + "/api/alerts, "
                    + base + "/api/stats   (Ctrl-C stops)");
            console.flush();
            Quarkus.waitForExit();
        }
        return summary.complete() ? 0 : 1;
    }

    /** The sampler the studies ask for, as the report's header says it. */
    private static String requested(String presetName, Integer requestedSteps, String requestedSolver) {
        return (presetName != null ? "preset " + presetName : "the service's default preset")
                + (requestedSteps != null ? ", " + requestedSteps + " steps" : "")
                + (requestedSolver != null ? ", solver " + requestedSolver : "");
    }
}
