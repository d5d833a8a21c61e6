package io.flowseg.deployment;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every Secret key the rendered manifests depend on: the workload's {@code secretKeyRef}s, the
 * files it reads from mounted Secrets (any variable whose value is a path into a Secret volume),
 * and KEDA's {@code secretTargetRef}s.
 */
final class SecretReferences {

    /** A key of a Secret, and what reads it. */
    record SecretReference(String secret, String key, String usedBy) {
    }

    private SecretReferences() {
    }

    static List<SecretReference> in(RenderedManifests manifests) {
        List<SecretReference> references = new ArrayList<>();
        ContainerEnvironment environment = manifests.environment();
        for (String name : environment.names()) {
            EnvVar variable = environment.variable(name).orElseThrow();
            SecretKeySelector selector = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
            if (selector != null) {
                references.add(new SecretReference(selector.getName(), selector.getKey(), "env " + name));
            }
            environment.literal(name).flatMap(path -> mountedFile(manifests, path))
                    .map(file -> new SecretReference(file.secret(), file.key(), "env " + name + " (file)"))
                    .ifPresent(references::add);
        }
        for (KedaTriggerAuthentication authentication : manifests.all(KedaTriggerAuthentication.class)) {
            for (KedaTriggerAuthentication.SecretTargetRef target : authentication.spec().secretTargetRef()) {
                references.add(new SecretReference(target.name(), target.key(),
                        RenderedManifests.nameOf(authentication) + " " + target.parameter()));
            }
        }
        return references;
    }

    /** The Secret and key behind a file path of the container, when the path lies in a mounted Secret. */
    static Optional<SecretReference> mountedFile(RenderedManifests manifests, String path) {
        for (VolumeMount mount : manifests.container().getVolumeMounts()) {
            String folder = mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
            Optional<Volume> volume = manifests.workload().getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(candidate -> candidate.getName().equals(mount.getName())).findFirst();
            if (path.startsWith(folder) && volume.isPresent() && volume.get().getSecret() != null) {
                return Optional.of(new SecretReference(volume.get().getSecret().getSecretName(),
                        path.substring(folder.length()), "mount " + mount.getMountPath()));
            }
        }
        return Optional.empty();
    }
}
