package io.flowseg.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A script of src/main/sh run as an image runs it: against the packaged application (target/quarkus-app
 * in place of /opt/flowseg/app), with the engine cache in the given folder, on the JVM the tests run on.
 */
final class ImageScript {
    static final Path SCRIPTS = Path.of("src", "main", "sh");
    private static final Path APPLICATION = Path.of("target", "quarkus-app");

    /** What the script printed (stdout and stderr) and how it ended. */
    record Result(int exitCode, String output) {
        /** The rest of the first line that starts with {@code prefix}. */
        String line(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                    .orElseThrow(() -> new AssertionError("no line '" + prefix + "...' in:\n" + output));
        }
    }

    private ImageScript() {
    }

    static Result run(Path engineCache, String script, String... arguments) throws IOException, InterruptedException {
        return run(engineCache, Map.of(), script, arguments);
    }

    /** As {@link #run(Path, String, String...)}, with variables set ({@code null}: removed) in the script's environment. */
    static Result run(Path engineCache, Map<String, String> variables, String script, String... arguments)
            throws IOException, InterruptedException {
        if (!APPLICATION.resolve("quarkus-run.jar").toFile().isFile()) {
            throw new IllegalStateException(APPLICATION + " is missing: integration tests run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("FLOWSEG_APP_DIR", APPLICATION.toAbsolutePath().toString());
        environment.put("ENGINE_CACHE_DIR", engineCache.toString());
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.get("PATH"));
        environment.remove("FLOWSEG_JAVA_OPTS");
        variables.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish within 5 minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
