package io.flowseg.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code flowseg engine --check-kernels} in a fresh JVM with the cap under test in its
 * environment, the only way to try a cap: libtorch reads it once, when it loads. A crash (an
 * illegal instruction, say) or a hang counts as a failure.
 */
public final class KernelCheckProcess implements InstructionSetProbe.LevelCheck {
    /** The line the check prints its verdict on. */
    public static final String VERDICT_PREFIX = "kernel check: ";
    private static final long TIMEOUT_SECONDS = 180;

    private final List<String> command;

    /** @param applicationJar the {@code quarkus-run.jar} of this build */
    public KernelCheckProcess(Path applicationJar) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        command = List.of(java.toString(), "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-jar",
                applicationJar.toString(), "engine", "--check-kernels");
    }

    @Override
    public InstructionSetProbe.Outcome check(InstructionSet level) {
        Path output;
        try {
            output = Files.createTempFile("flowseg-kernel-check", ".log");
        } catch (IOException e) {
            return new InstructionSetProbe.Outcome(false, "cannot start the check: " + e.getMessage());
        }
        // To a file, not a pipe, so that a hung child can be timed out.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("ONEDNN_MAX_CPU_ISA", level.oneDnnCap());
        if (level.atenCapability() != null) {
            environment.put("ATEN_CPU_CAPABILITY", level.atenCapability());
        } else {
            environment.remove("ATEN_CPU_CAPABILITY");
        }
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new InstructionSetProbe.Outcome(false, "no answer in " + TIMEOUT_SECONDS + " s");
            }
            String verdict = verdictLine(Files.readString(output, StandardCharsets.UTF_8));
            int exit = process.exitValue();
            boolean passed = exit == 0 && verdict != null;
            return new InstructionSetProbe.Outcome(passed, verdict != null ? verdict : "exit status " + exit);
        } catch (IOException e) {
            return new InstructionSetProbe.Outcome(false, "cannot start the check: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InstructionSetProbe.Outcome(false, "interrupted");
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static String verdictLine(String output) {
        List<String> verdicts = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith(VERDICT_PREFIX)) {
                verdicts.add(line.substring(VERDICT_PREFIX.length()));
            }
        }
        return verdicts.isEmpty() ? null : verdicts.get(verdicts.size() - 1);
    }
}
