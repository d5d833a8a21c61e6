package io.flowseg.benchmark;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.demo.DemoRun;
import io.flowseg.demo.DemoStudies;
import io.flowseg.embedded.EmbeddedStack;
import io.flowseg.engine.Dispatcher;
import io.flowseg.engine.ProcessMemory;
import io.flowseg.engine.Study;
import io.flowseg.events.ImageStudy;
import io.flowseg.model.VelocityModel;
import io.flowseg.service.ConfiguredEngine;
import io.flowseg.service.StudyIntake;
import io.flowseg.service.StudyRejectedException;
import io.flowseg.service.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
    private final BenchStack bench;

    public PipelineBench(FlowsegConfig config, BenchStack bench) {
        this.config = config;
        this.bench = bench;
    }

    /** What to run. */
    public record Plan(int studies, int samples, float guidance, int steps, String solver, int memoryStudies) {
    }

    public void run(Plan plan, PrintStream out) throws IOException, StudyRejectedException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<DemoStudies.NamedImage> images = DemoStudies.lidcImages(null);
        try (BenchStack.Running on = bench.start()) {
            VelocityModel model = on.model;
            DemoStudies settings = DemoStudies.fixed(plan.samples(), plan.guidance(), plan.steps(), plan.solver());
            out.printf("flowseg bench --pipeline: %s, M = %d, w = %.1f, %d %s steps, %d studies of %d LIDC images, "
                            + "up to %d studies per engine call, %s%n%n", model.info().name(), plan.samples(),
                    plan.guidance(), plan.steps(), plan.solver(), plan.studies(), images.size(),
                    config.processor().maxStudiesPerBatch(), ProcessMemory.allocator());
            List<ImageStudy> studies = settings.events(named(images, "bench", plan.studies()), 0, 0);
            DemoRun.Summary pipeline;
            try (StudyService ignored = on.startService()) {
                DemoRun run = new DemoRun(on.topics(), on.codec, on.client, on.connection, quiet, Duration.ZERO);
                run.stream(settings.events(named(images, "warm-up", WARM_UP_STUDIES), 0, 0), TIMEOUT);
                pipeline = run.stream(studies, TIMEOUT);
            }
            double engineOnly = engineStudiesPerSecond(on, studies);
            out.printf("through Kafka, registry and serde: %.3f studies/s (%d studies in %.1f s); end-to-end latency "
                            + "p50 %d ms, p99 %d ms%n", pipeline.studiesPerSecond(), pipeline.processed(),
                    pipeline.elapsed().toMillis() / 1000.0, pipeline.medianLatencyMs(), pipeline.p99LatencyMs());
            out.printf("engine alone (the service's dispatcher, no Kafka): %.3f studies/s%n", engineOnly);
            out.printf("pipeline time per study over the engine's: %+.1f%%%n%n",
                    100 * (engineOnly / pipeline.studiesPerSecond() - 1));
            if (plan.memoryStudies() > 0) {
                reportMemory(on, images, plan, out);
            }
        }
    }

    /**
     * The same studies through the service's dispatcher alone: the engine on its own thread with the
     * same batching, and no Kafka, registry or serde.
     */
    private double engineStudiesPerSecond(BenchStack.Running on, List<ImageStudy> events) throws StudyRejectedException {
        StudyIntake intake = on.intake();
        VelocityModel model = on.model;
        List<Study> studies = new ArrayList<>(events.size());
        for (ImageStudy event : events) {
            studies.add(intake.admit(event));
        }
        try (Dispatcher dispatcher = new Dispatcher(() -> ConfiguredEngine.create(model.newPredictor(), config),
                config.processor().maxStudiesPerBatch(), size -> { })) {
            awaitAll(dispatcher, studies.subList(0, Math.min(WARM_UP_STUDIES, studies.size())));
            long start = System.nanoTime();
            awaitAll(dispatcher, studies);
            return studies.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void awaitAll(Dispatcher dispatcher, List<Study> studies) {
        CompletableFuture.allOf(studies.stream().map(dispatcher::submit).toArray(CompletableFuture[]::new)).join();
    }

    /**
     * RSS of the service as deployed: {@code flowseg serve} as a process of its own (this JVM's
     * command line, allocator and settings), fed cheap studies through the embedded broker.
     */
    private void reportMemory(BenchStack.Running on, List<DemoStudies.NamedImage> images, Plan plan, PrintStream out)
            throws IOException {
        DemoStudies cheap = DemoStudies.fixed(2, 0.3f, 2, "euler");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        DemoRun run = new DemoRun(on.topics(), on.codec, on.client, on.connection, quiet, Duration.ZERO);
        Process serve = startServe(on.stack);
        try {
            int early = Math.min(MEMORY_EARLY, plan.memoryStudies());
            run.stream(cheap.events(named(images, "memory-a", early), 0, 0), TIMEOUT);
            double rssEarly = ProcessMemory.rssMiB(serve.pid());
            run.stream(cheap.events(named(images, "memory-b", plan.memoryStudies() - early), 0, 0), TIMEOUT);
            double rssAll = ProcessMemory.rssMiB(serve.pid());
            out.printf("memory of a separate flowseg serve process (M = 2, 2 steps): RSS after %d studies %.0f MiB, "
                    + "after %d studies %.0f MiB (%.2fx)%n%n", early, rssEarly, plan.memoryStudies(), rssAll,
                    rssAll / rssEarly);
        } finally {
            serve.destroy();
        }
    }

    /** This JVM's own command line, running serve against the embedded stack instead. */
    private static Process startServe(EmbeddedStack stack) throws IOException {
        ProcessHandle.Info self = ProcessHandle.current().info();
        List<String> command = new ArrayList<>();
        command.add(self.command().orElseThrow());
        for (String argument : self.arguments().orElseThrow()) {
            command.add(argument);
            if (argument.endsWith(".jar")) {
                break; // the JVM options and -jar; the bench's own arguments follow
            }
        }
        command.add(1, "-Dkafka.bootstrap.servers=" + stack.bootstrapServers());
        command.add(1, "-Dflowseg.registry.url=" + stack.registryUrl());
        command.add(1, "-Dflowseg.processor.transactional-id=flowseg-bench-memory");
        command.add(1, "-Dquarkus.http.port=0");
        command.add("serve");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
