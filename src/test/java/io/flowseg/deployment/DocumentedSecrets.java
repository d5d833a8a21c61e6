package io.flowseg.deployment;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Secrets k8s/base/secrets.example.yaml tells operators to create, and their keys. The file is
 * read as strictly as the rendered manifests, so it stays a valid example.
 */
final class DocumentedSecrets {
    static final Path FILE = Path.of("k8s/base/secrets.example.yaml");

    private final Map<String, Set<String>> keysBySecret;

    private DocumentedSecrets(Map<String, Set<String>> keysBySecret) {
        this.keysBySecret = keysBySecret;
    }

    static DocumentedSecrets load() {
        try {
            return new DocumentedSecrets(new StrictManifestReader().read(Files.readString(FILE)).stream()
                    .map(Secret.class::cast)
                    .collect(Collectors.toMap(secret -> secret.getMetadata().getName(), DocumentedSecrets::keys)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Set<String> secretNames() {
        return keysBySecret.keySet();
    }

    boolean documents(String secret, String key) {
        return keysBySecret.getOrDefault(secret, Set.of()).contains(key);
    }

    private static Set<String> keys(Secret secret) {
        Set<String> keys = new TreeSet<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }
}
