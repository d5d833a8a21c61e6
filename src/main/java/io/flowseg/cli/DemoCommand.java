package io.flowseg.cli;

import io.flowseg.cli.demo.DemoRun;
import io.flowseg.cli.demo.DemoStudies;
import io.flowseg.events.ImageStudy;
import io.flowseg.model.VelocityModel;
import io.flowseg.registry.SchemaRegistryClient;
import io.flowseg.streaming.StudyService;
import io.flowseg.web.ServiceHealth;
import io.flowseg.web.ServiceMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole service on one machine with nothing configured: an in-process Kafka broker and
 * schema registry, the service, and a hospital's worth of studies streamed through them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an in-process Kafka broker and schema registry, stream the LIDC test cases and some "
                + "synthetic ones through the service as ImageStudy events, show each result as it arrives, "
                + "write report.html, and exit.")
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "multi-rater folder whose image_* files are sent (default: the bundled LIDC test images)")
    Path data;

    @Option(names = "--synthetic", defaultValue = "6", description = "synthetic studies sent after them (default: ${DEFAULT-VALUE})")
    int synthetic;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the synthetic scenes (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--steps", defaultValue = "10",
            description = "ODE steps each study requests; M and w vary per study (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--solver", defaultValue = "euler", description = "solver each study requests (default: ${DEFAULT-VALUE})")
    String solver;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "give up waiting for results after this long (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR", description = "where report.html goes (default: ${DEFAULT-VALUE})")
    Path out;

    private final ModelSource models;
    private final ServiceAssembly assembly;
    private final ServiceMetrics metrics;
    private final ServiceHealth health;

    public DemoCommand(ModelSource models, ServiceAssembly assembly, ServiceMetrics metrics, ServiceHealth health) {
        this.models = models;
        this.assembly = assembly;
        this.metrics = metrics;
        this.health = health;
    }

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        List<ImageStudy> studies = DemoStudies.varied(steps, solver).events(DemoStudies.lidcImages(data), synthetic, seed);
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("nothing to send: " + data + " holds no image_* files and --synthetic is 0");
        }
        Files.createDirectories(out);
        console.println("flowseg demo: starting an in-process Kafka broker and schema registry ...");
        try (EmbeddedStack stack = EmbeddedStack.start(assembly);
             VelocityModel model = models.loadVelocityField(null)) {
            Map<String, Object> connection = stack.connection();
            SchemaRegistryClient client = stack.registryClient();
            console.printf("%s, model %s (%s)%n", stack.describe(), model.info().name(), model.info().version());
            try (StudyService service = assembly.start(model, assembly.codec(client), connection, metrics)) {
                health.serving(service, model.info().name(), connection);
                DemoRun run = new DemoRun(assembly.topics(), assembly.codec(client), client, connection, console);
                DemoRun.Summary summary = run.stream(studies, timeout);
                run.writeReport(out.resolve("report.html"), "requests: " + steps + " " + solver
                        + " steps, M and w varied per study; alert policy: " + assembly.alertPolicy().id());
                console.println(summary.describe());
                console.println("report: " + out.resolve("report.html"));
                health.stopped();
                return summary.complete() ? 0 : 1;
            }
        }
    }
}
