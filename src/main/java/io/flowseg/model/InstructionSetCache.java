package io.flowseg.model;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The probe's verdict, kept per machine so that only the first start pays for it: one file per
 * fingerprint of what the verdict depends on (the CPU's vendor, model and flags, the libtorch
 * natives, the check's version).
 */
public final class InstructionSetCache {
    /** Raised when {@link KernelCheck} changes, so that older verdicts are not reused. */
    static final int CHECK_VERSION = 1;

    private final Path folder;

    public InstructionSetCache(Path folder) {
        this.folder = folder;
    }

    /** The CPU lines of /proc/cpuinfo that describe what it can run, and the natives' jar names. */
    public static String fingerprint(String cpuInfo, List<String> nativeJars) {
        StringBuilder identity = new StringBuilder("check " + CHECK_VERSION + '\n');
        for (String line : cpuInfo.split("\\R")) {
            if (line.isBlank()) {
                break; // the first processor's block; the others repeat it
            }
            String key = line.split(":", 2)[0].trim();
            if (List.of("vendor_id", "cpu family", "model", "model name", "flags").contains(key)) {
                identity.append(line.trim()).append('\n');
            }
        }
        nativeJars.stream().sorted().forEach(jar -> identity.append(jar).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The verdict stored for this fingerprint, if any (an unreadable file counts as none). */
    public Optional<Entry> read(String fingerprint) {
        Path file = file(fingerprint);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new Entry(InstructionSet.valueOf(properties.getProperty("level")),
                    properties.getProperty("detail", "")));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Stores a verdict, written aside and moved into place, so a reader never sees half a file. */
    public void write(String fingerprint, Entry entry) {
        Properties properties = new Properties();
        properties.setProperty("level", entry.level().name());
        properties.setProperty("detail", entry.detail());
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "cpu-isa", ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "flowseg's instruction-set probe; delete this file to probe again");
            }
            Files.move(temporary, file(fingerprint), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the probe's verdict to " + folder, e);
        }
    }

    public Path file(String fingerprint) {
        return folder.resolve("cpu-isa-" + fingerprint + ".properties");
    }

    /** A stored verdict: the cap chosen and the attempts' one-line description. */
    public record Entry(InstructionSet level, String detail) {
    }
}
