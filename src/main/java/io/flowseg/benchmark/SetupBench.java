package io.flowseg.benchmark;

import io.flowseg.engine.ForwardTimer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forward pass under several launcher set-ups (allocator, instruction-set cap) in one run:
 * each set-up is a fresh {@code flowseg bench --forward-only} process started through the launcher,
 * so it gets exactly what a user's start gets, and the set-ups alternate round by round so that a
 * machine whose speed drifts favours none of them.
 */
public final class SetupBench {
    /** The line {@code bench --forward-only} prints; this class reads it back. */
    public static final String RESULT_FORMAT = "forward-only: %.2f ms, allocator %s, CPU kernels %s%n";
    private static final Pattern RESULT = Pattern.compile("forward-only: ([0-9.]+) ms, allocator (.*), CPU kernels (.*)");

    /**
     * One set-up: an allocator for {@code FLOWSEG_ALLOCATOR} and, optionally, a oneDNN cap; without a
     * cap the launcher probes (or reads its cached verdict) as it does by default.
     */
    public record Setup(String allocator, String oneDnnCap) {
        /** Reads {@code ALLOCATOR[/CAP]}, e.g. {@code auto}, {@code jemalloc/AVX2}. */
        public static Setup parse(String text) {
            String[] parts = text.split("/", 2);
            return new Setup(parts[0], parts.length > 1 ? parts[1] : null);
        }

        String label() {
            return allocator + (oneDnnCap != null ? "/" + oneDnnCap : "");
        }
    }

    /** What each child is asked to time. */
    public record Plan(List<Setup> setups, int rounds, List<String> benchArguments) {
    }

    private record Measured(double ms, String allocator, String kernels) {
        static Measured failed(String reason) {
            return new Measured(Double.NaN, "failed: " + reason, "-");
        }
    }

    private SetupBench() {
    }

    public static void run(Plan plan, PrintStream out) throws IOException, InterruptedException {
        Path launcher = launcher();
        List<Setup> setups = plan.setups();
        double[][] ms = new double[setups.size()][plan.rounds()];
        String[] allocators = new String[setups.size()];
        String[] kernels = new String[setups.size()];
        out.printf("forward pass under %d set-ups, %d rounds, each a fresh process: %s%n", setups.size(), plan.rounds(),
                String.join(" ", plan.benchArguments()));
        for (int round = 0; round < plan.rounds(); round++) {
            for (int i = 0; i < setups.size(); i++) {
                Measured measured = measure(launcher, setups.get(i), plan.benchArguments());
                ms[i][round] = measured.ms();
                allocators[i] = measured.allocator();
                kernels[i] = measured.kernels();
                out.printf("  round %d, %-18s %8.1f ms%n", round + 1, setups.get(i).label(), measured.ms());
                if (Double.isNaN(measured.ms())) {
                    out.printf("    %s%n", measured.allocator());
                }
            }
        }
        double[] medians = Arrays.stream(ms).mapToDouble(ForwardTimer::median).toArray();
        double best = Arrays.stream(medians).filter(m -> !Double.isNaN(m)).min().orElse(Double.NaN);
        out.printf("%n  %-18s %10s %8s  %s%n", "set-up", "median ms", "x best", "allocator; CPU kernels");
        for (int i = 0; i < setups.size(); i++) {
            out.printf("  %-18s %10.1f %8.2f  %s; %s%n", setups.get(i).label(), medians[i], medians[i] / best,
                    allocators[i], kernels[i]);
        }
    }

    private static Measured measure(Path launcher, Setup setup, List<String> benchArguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "bench", "--forward-only"));
        command.addAll(benchArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // Each set-up starts from what the user had, not from what this process's launcher added.
        LauncherVariables.remove(environment, LauncherVariables.ALLOCATOR);
        LauncherVariables.remove(environment, LauncherVariables.INSTRUCTION_SETS);
        environment.put("FLOWSEG_ALLOCATOR", setup.allocator());
        if (setup.oneDnnCap() != null) {
            environment.put("ONEDNN_MAX_CPU_ISA", setup.oneDnnCap());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Matcher matcher = RESULT.matcher(output);
        if (exit != 0 || !matcher.find()) {
            String[] lines = output.strip().split("\\R");
            return Measured.failed("exit status " + exit + (lines[0].isEmpty() ? "" : ", " + lines[lines.length - 1]));
        }
        return new Measured(Double.parseDouble(matcher.group(1)), matcher.group(2), matcher.group(3));
    }

    private static Path launcher() throws IOException {
        String launcher = System.getenv("FLOWSEG_LAUNCHER");
        if (launcher == null || !Files.isExecutable(Path.of(launcher))) {
            throw new IOException("bench --setups starts the launcher again for each set-up: run it as ./flowseg bench --setups");
        }
        return Path.of(launcher);
    }
}
