package io.flowseg.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** flowseg's configuration file, and the environment variable names that set its keys. */
final class ApplicationProperties {
    static final Path PATH = Path.of("src", "main", "resources", "application.properties");

    // An optional key without a default is documented commented out, as in "#flowseg.model.path=".
    private static final Pattern DOCUMENTED_UNSET = Pattern.compile("^#([a-z][A-Za-z0-9.\\-]*)=.*$");

    private final Properties properties;
    private final Set<String> documentedUnset;

    private ApplicationProperties(Properties properties, Set<String> documentedUnset) {
        this.properties = properties;
        this.documentedUnset = documentedUnset;
    }

    static ApplicationProperties load() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PATH)) {
            properties.load(reader);
        }
        Set<String> documentedUnset = Files.readAllLines(PATH).stream().map(DOCUMENTED_UNSET::matcher)
                .filter(Matcher::matches).map(m -> m.group(1)).collect(Collectors.toSet());
        return new ApplicationProperties(properties, documentedUnset);
    }

    String get(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new AssertionError(PATH + " has no " + key);
        }
        return value;
    }

    Set<String> keysStartingWith(String prefix) {
        return properties.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).collect(Collectors.toSet());
    }

    /**
     * The variables that set this file's keys, the documented unset ones included (MicroProfile Config:
     * non-alphanumerics to _, upper case).
     */
    Set<String> environmentNames() {
        return Stream.concat(properties.stringPropertyNames().stream(), documentedUnset.stream())
                .map(ApplicationProperties::environmentName).collect(Collectors.toSet());
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
