package io.flowseg.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** flowseg's configuration file, and the environment variable names that set its keys. */
final class ApplicationProperties {
    static final Path PATH = Path.of("src", "main", "resources", "application.properties");

    private final Properties properties;

    private ApplicationProperties(Properties properties) {
        this.properties = properties;
    }

    static ApplicationProperties load() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PATH)) {
            properties.load(reader);
        }
        return new ApplicationProperties(properties);
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

    /** The variables that set this file's keys (MicroProfile Config: non-alphanumerics to _, upper case). */
    Set<String> environmentNames() {
        return properties.stringPropertyNames().stream().map(ApplicationProperties::environmentName)
                .collect(Collectors.toSet());
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
