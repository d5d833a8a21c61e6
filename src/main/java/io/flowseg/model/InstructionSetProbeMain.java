package io.flowseg.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The launcher's instruction-set step, run before the JVM that loads libtorch
 * ({@code java -cp app/app/* io.flowseg.model.InstructionSetProbeMain APP_DIR CACHE_DIR}); plain JDK, so it
 * starts in a fraction of a second when the verdict is cached. Prints one line for the launcher,
 * {@code <oneDNN cap> <ATen capability or -> <probed|cached> <the attempts>}, and logs a new
 * probe's verdict on stderr.
 */
public final class InstructionSetProbeMain {
    private InstructionSetProbeMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: InstructionSetProbeMain APP_DIR CACHE_DIR (the folder of quarkus-run.jar, where verdicts are kept)");
            System.exit(2);
        }
        Path app = Path.of(args[0]);
        String fingerprint = InstructionSetCache.fingerprint(Files.readString(Path.of("/proc/cpuinfo")), nativeJars(app));
        InstructionSetCache cache = new InstructionSetCache(Path.of(args[1]));
        Optional<InstructionSetCache.Entry> cached = cache.read(fingerprint);
        if (cached.isPresent()) {
            print(cached.get(), "cached");
            return;
        }
        System.err.println("flowseg: checking the CPU kernels under each instruction-set cap (once per machine) ...");
        InstructionSetProbe.Choice choice = InstructionSetProbe.choose(new KernelCheckProcess(app.resolve("quarkus-run.jar")));
        InstructionSetCache.Entry entry = new InstructionSetCache.Entry(choice.level(), choice.describe());
        System.err.printf("flowseg: oneDNN capped at %s: %s%n", choice.level().oneDnnCap(), choice.describe());
        try {
            cache.write(fingerprint, entry);
        } catch (UncheckedIOException e) {
            System.err.println("flowseg: " + e.getMessage() + "; the next start probes again");
        }
        print(entry, "probed");
    }

    private static void print(InstructionSetCache.Entry entry, String source) {
        String aten = entry.level().atenCapability();
        System.out.printf("%s %s %s %s%n", entry.level().oneDnnCap(), aten == null ? "-" : aten, source, entry.detail());
    }

    private static List<String> nativeJars(Path app) throws IOException {
        Path libraries = app.resolve("lib").resolve("main");
        if (!Files.isDirectory(libraries)) {
            return List.of();
        }
        try (Stream<Path> jars = Files.list(libraries)) {
            return jars.map(jar -> jar.getFileName().toString()).filter(name -> name.contains("pytorch-native")).toList();
        }
    }
}
