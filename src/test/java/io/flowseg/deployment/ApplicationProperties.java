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

/**
 * flowseg's src/main/resources/application.properties, as the manifests are checked against it.
 * Optional settings without a default are listed there commented out ({@code #flowseg.registry.trust-store=}):
 * they count as keys, without a value.
 */
final class ApplicationProperties {
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

    /** Whether an environment variable names one of the keys (in Quarkus' mapping of keys to variables). */
    boolean hasKeyFor(String environmentVariable) {
        return keys.stream().anyMatch(key -> environmentName(key).equals(environmentVariable));
    }

    /** Quarkus' environment form of a key: upper case, every non-alphanumeric character an underscore. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
