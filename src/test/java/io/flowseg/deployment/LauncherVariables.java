package io.flowseg.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The FLOWSEG_* variables the images' entry point (the launcher's runtime half) reads, such as FLOWSEG_JAVA_OPTS. */
final class LauncherVariables {
    static final Path LAUNCHER = Path.of("src", "main", "sh", "flowseg-jvm");

    private LauncherVariables() {
    }

    static Set<String> read() {
        try {
            Matcher matcher = Pattern.compile("\\$\\{(FLOWSEG_[A-Z0-9_]+)").matcher(Files.readString(LAUNCHER));
            Set<String> variables = new TreeSet<>();
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            if (!variables.contains("FLOWSEG_JAVA_OPTS")) {
                throw new AssertionError("the launcher's variables were not found in " + LAUNCHER);
            }
            return variables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
