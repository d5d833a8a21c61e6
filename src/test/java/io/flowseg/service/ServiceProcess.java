package io.flowseg.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** flowseg from the packaged jar ({@code serve}, {@code demo}), as a separate process the test can kill. */
public final class ServiceProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;

    private ServiceProcess(Process process) {
        this.process = process;
    }

    /** Starts serve with these settings as system properties; its output goes to {@code log}. */
    public static ServiceProcess serve(Map<String, String> properties, Path log) throws IOException {
        return start(properties, log, List.of("serve"));
    }

    /** Starts the packaged flowseg with these system properties and arguments; its output goes to {@code log}. */
    public static ServiceProcess start(Map<String, String> properties, Path log, List<String> arguments) throws IOException {
        return start(List.of(), properties, log, arguments);
    }

    /** The same, with more JVM options (e.g. a heap as small as a container's). */
    public static ServiceProcess start(List<String> jvmOptions, Map<String, String> properties, Path log,
                                       List<String> arguments) throws IOException {
        return start(jvmOptions, Map.of(), properties, log, arguments);
    }

    /** The same, with environment variables added, as containers set their settings. */
    public static ServiceProcess start(List<String> jvmOptions, Map<String, String> environment,
                                       Map<String, String> properties, Path log, List<String> arguments)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:MaxDirectMemorySize=64m", "-Dai.djl.offline=true", "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start());
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int await(long minutes) throws InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("flowseg did not finish within " + minutes + " minutes");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no graceful close, an open transaction left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, then waits for the graceful shutdown; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not stop within 90 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
