package io.flowseg.cli;

import io.flowseg.benchmark.ProcessMemory;
import io.flowseg.cli.demo.DemoRun;
import io.flowseg.cli.demo.DemoStudies;
import io.flowseg.config.FlowsegConfig;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.engine.Study;
import io.flowseg.events.ImageStudy;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import io.flowseg.registry.SchemaRegistryClient;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.streaming.ProcessingListener;
import io.flowseg.streaming.StudyIntake;
import io.flowseg.streaming.StudyRejectedException;
import io.flowseg.streaming.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench --pipeline}: studies per second and end-to-end latency through the broker, the
 * registry and the service, beside the engine alone on the same studies and settings; and RSS over
 * a long run of cheap studies.
 */
@ApplicationScoped
public class PipelineBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int WARM_UP_STUDIES = 4;
    private static final int MEMORY_EARLY = 200;

    private final FlowsegConfig config;
    private final ModelSource models;
    private final ServiceAssembly assembly;

    public PipelineBench(FlowsegConfig config, ModelSource models, ServiceAssembly assembly) {
        this.config = config;
        this.models = models;
        this.assembly = assembly;
    }

    /** What to run. */
    record Plan(int studies, int samples, float guidance, int steps, String solver, int memoryStudies) {
    }

    void run(Plan plan, PrintStream out) throws IOException, StudyRejectedException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<DemoStudies.NamedImage> images = DemoStudies.lidcImages(null);
        try (EmbeddedStack stack = EmbeddedStack.start(assembly);
             VelocityModel model = models.loadVelocityField(null)) {
            Map<String, Object> connection = stack.connection();
            SchemaRegistryClient client = stack.registryClient();
            DemoStudies settings = DemoStudies.fixed(plan.samples(), plan.guidance(), plan.steps(), plan.solver());
            out.printf("flowseg bench --pipeline: %s, M = %d, w = %.1f, %d %s steps, %d studies of %d LIDC images, "
                            + "up to %d studies per engine call, %s%n%n", model.info().name(), plan.samples(),
                    plan.guidance(), plan.steps(), plan.solver(), plan.studies(), images.size(),
                    config.processor().maxStudiesPerBatch(), ProcessMemory.allocator());
            List<ImageStudy> studies = settings.events(named(images, "bench", plan.studies()), 0, 0);
            DemoRun.Summary pipeline;
            try (StudyService ignored = assembly.start(model, assembly.codec(client), connection,
                    ProcessingListener.NONE)) {
                DemoRun run = new DemoRun(assembly.topics(), assembly.codec(client), client, connection, quiet);
                run.stream(settings.events(named(images, "warm-up", WARM_UP_STUDIES), 0, 0), TIMEOUT);
                pipeline = run.stream(studies, TIMEOUT);
                if (plan.memoryStudies() > 0) {
                    reportMemory(run, images, plan, out);
                }
            }
            double engineOnly = engineStudiesPerSecond(model, studies);
            out.printf("through Kafka, registry and serde: %.3f studies/s (%d studies in %.1f s); end-to-end latency "
                            + "p50 %d ms, p99 %d ms%n", pipeline.studiesPerSecond(), pipeline.processed(),
                    pipeline.elapsed().toMillis() / 1000.0, pipeline.medianLatencyMs(), pipeline.p99LatencyMs());
            out.printf("engine alone, same studies and batching: %.3f studies/s%n", engineOnly);
            out.printf("pipeline time per study over the engine's: %+.1f%%%n",
                    100 * (engineOnly / pipeline.studiesPerSecond() - 1));
        }
    }

    /** The same studies straight through one engine, batched as the dispatcher batches them. */
    private double engineStudiesPerSecond(VelocityModel model, List<ImageStudy> events) throws StudyRejectedException {
        StudyIntake intake = assembly.intake(model);
        List<Study> studies = new ArrayList<>(events.size());
        for (ImageStudy event : events) {
            studies.add(intake.admit(event));
        }
        int batch = config.processor().maxStudiesPerBatch();
        try (VelocityPredictor field = model.newPredictor()) {
            SegmentationEngine engine = ConfiguredEngine.create(field, config);
            engine.segment(studies.subList(0, Math.min(WARM_UP_STUDIES, studies.size())), SamplingProgress.NONE);
            long start = System.nanoTime();
            for (int from = 0; from < studies.size(); from += batch) {
                engine.segment(studies.subList(from, Math.min(studies.size(), from + batch)), SamplingProgress.NONE);
            }
            return studies.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void reportMemory(DemoRun run, List<DemoStudies.NamedImage> images, Plan plan, PrintStream out) {
        DemoStudies cheap = DemoStudies.fixed(2, 0.3f, 2, "euler");
        int early = Math.min(MEMORY_EARLY, plan.memoryStudies());
        run.stream(cheap.events(named(images, "memory-a", early), 0, 0), TIMEOUT);
        double rssEarly = ProcessMemory.rssMiB();
        String jvmEarly = ProcessMemory.jvmShare();
        run.stream(cheap.events(named(images, "memory-b", plan.memoryStudies() - early), 0, 0), TIMEOUT);
        double rssAll = ProcessMemory.rssMiB();
        out.printf("memory (service, broker and registry in one JVM; M = 2, 2 steps): RSS after %d studies %.0f MiB, "
                        + "after %d studies %.0f MiB (%.2fx)%n  after %d: %s; after %d: %s%n%n", early, rssEarly,
                plan.memoryStudies(), rssAll, rssAll / rssEarly, early, jvmEarly, plan.memoryStudies(),
                ProcessMemory.jvmShare());
    }

    /** {@code count} images cycling through the given ones, each under its own study id. */
    private static List<DemoStudies.NamedImage> named(List<DemoStudies.NamedImage> images, String prefix, int count) {
        List<DemoStudies.NamedImage> named = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            named.add(new DemoStudies.NamedImage(String.format("%s-%05d", prefix, i), images.get(i % images.size())
                    .file()));
        }
        return named;
    }
}
