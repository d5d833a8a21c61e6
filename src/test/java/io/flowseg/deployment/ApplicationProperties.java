package io.flowseg.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * flowseg's src/main/resources/application.properties, as the deployment files are checked
 * against it. Optional settings without a default are listed there commented out
 * ({@code #flowseg.registry.trust-store=}): they count as keys, without a value.
 */
public final class ApplicationProperties {
    static final Path FILE = Path.of("src/main/resources/application.properties");
    private static final Pattern COMMENTED_KEY = Pattern.compile("^#([A-Za-z][^\\s=#]*)=", Pattern.MULTILINE);

    private final Properties values;
    private final Set<String> keys;

    private ApplicationProperties(Properties values, Set<String> keys) {
        this.values = values;
        this.keys = keys;
    }

    static ApplicationProperties load() {
        try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            Properties values = new Properties();
            values.load(reader);
            Set<String> keys = new TreeSet<>(values.stringPropertyNames());
            Matcher commented = COMMENTED_KEY.matcher(Files.readString(FILE, StandardCharsets.UTF_8));
            while (commented.find()) {
                keys.add(commented.group(1));
            }
            return new ApplicationProperties(values, keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as written (placeholders such as {@code ${HOSTNAME:local}} unexpanded). */
    Optional<String> value(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    /** The value as written; a key the file does not set fails the test. */
    String get(String key) {
        return value(key).orElseThrow(() -> new AssertionError(FILE + " has no " + key));
    }

    /** The keys with a value that start with {@code prefix}. */
    Set<String> keysStartingWith(String prefix) {
        return values.stringPropertyNames().stream().filter(key -> key.startsWith(prefix)).collect(Collectors.toSet());
    }

    /** The environment variables that set the file's keys, the documented unset ones included. */
    Set<String> environmentNames() {
        return keys.stream().map(ApplicationProperties::environmentName).collect(Collectors.toSet());
    }

    /** Whether an environment variable names one of the keys (in Quarkus' mapping of keys to variables). */
    boolean hasKeyFor(String environmentVariable) {
        return environmentNames().contains(environmentVariable);
    }

    /** Quarkus' environment form of a key: upper case, every non-alphanumeric character an underscore. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
