package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** docker-compose.yml, read as Compose reads it, with the few accessors the tests need. */
final class ComposeFile {
    static final Path PATH = Path.of("docker-compose.yml");

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static ComposeFile load() throws IOException {
        return new ComposeFile(YamlTree.read(PATH));
    }

    Set<String> serviceNames() {
        Set<String> names = new TreeSet<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        assertTrue(service.isObject(), "docker-compose.yml has no service " + name);
        return service;
    }

    /** The service's environment, written as a map or as a list of NAME=value. */
    Map<String, String> environment(String name) {
        JsonNode environment = service(name).path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            environment.fields().forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue().asText()));
        }
        return variables;
    }

    /** A volume in short syntax: a bind mount when its source is a path, else a named volume. */
    record Mount(String source, String target) {
        boolean bind() {
            return source.startsWith(".") || source.startsWith("/");
        }

        /** The mounted file or folder in the repository (sources are relative to the compose file's folder). */
        Path inRepository() {
            return PATH.toAbsolutePath().getParent().resolve(source).normalize();
        }
    }

    List<Mount> mounts(String name) {
        List<Mount> mounts = new ArrayList<>();
        service(name).path("volumes").forEach(volume -> {
            String[] parts = volume.asText().split(":");
            mounts.add(new Mount(parts[0], parts[1]));
        });
        return mounts;
    }

    /** The mount of the service whose target is {@code target}. */
    Mount mountAt(String name, String target) {
        return mounts(name).stream().filter(m -> m.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " mounts nothing at " + target));
    }

    /** A published port in short syntax, host address:host port:container port. */
    record PublishedPort(String hostAddress, int hostPort, int containerPort) {
    }

    List<PublishedPort> ports(String name) {
        List<PublishedPort> ports = new ArrayList<>();
        service(name).path("ports").forEach(port -> {
            String[] parts = port.asText().split(":");
            assertTrue(parts.length == 3, name + " publishes " + port.asText() + " without naming the host address");
            ports.add(new PublishedPort(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
        });
        return ports;
    }
}
