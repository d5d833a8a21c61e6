package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs kustomize on a kustomization folder. Which kustomize: the binary named by the system
 * property {@value #PROPERTY} (.ci/run installs kustomize 4.5.4 and passes it), else
 * {@code kustomize} on the PATH, else {@code kubectl kustomize}. Without any of them the caller's
 * test fails: the manifests are never left untested.
 */
final class Kustomize {
    static final String PROPERTY = "kustomize.binary";
    private static final long TIMEOUT_SECONDS = 120;

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    static Kustomize locate() {
        return locate(System.getProperty(PROPERTY, ""), System.getenv().getOrDefault("PATH", ""));
    }

    /** The kustomize to use, given the system property's value and a PATH. */
    static Kustomize locate(String configured, String path) {
        if (!configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured.trim()))) {
                fail("-D" + PROPERTY + "=" + configured + " is not an executable file");
            }
            return new Kustomize(List.of(configured.trim(), "build"));
        }
        Optional<Path> kustomize = onPath("kustomize", path);
        if (kustomize.isPresent()) {
            return new Kustomize(List.of(kustomize.get().toString(), "build"));
        }
        Optional<Path> kubectl = onPath("kubectl", path);
        if (kubectl.isPresent()) {
            return new Kustomize(List.of(kubectl.get().toString(), "kustomize"));
        }
        return fail("No kustomize to render k8s/ with: .ci/run installs kustomize 4.5.4 and passes it as -D"
                + PROPERTY + "=PATH; otherwise put kustomize or kubectl on the PATH");
    }

    /** The rendered multi-document YAML of a kustomization folder. */
    String build(Path kustomization) {
        List<String> invocation = new ArrayList<>(command);
        invocation.add(kustomization.toString());
        try {
            Process process = new ProcessBuilder(invocation).start();
            process.getOutputStream().close();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
            String output = text(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", invocation) + " took longer than " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                return fail(String.join(" ", invocation) + " failed (exit " + process.exitValue() + "):\n" + errors.join());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }

    private static Optional<Path> onPath(String program, String path) {
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return Optional.of(Path.of(folder, program));
            }
        }
        return Optional.empty();
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
