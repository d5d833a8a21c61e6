package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The objects kustomize renders from a kustomization of k8s/, parsed strictly
 * ({@link StrictManifestReader}). Rendered once per folder and JVM.
 *
 * <p>For integration tests of a real {@code flowseg serve}: {@link #probePaths(Overlay)} gives the
 * paths the kubelet will probe, so a test can GET exactly those.
 */
public final class RenderedManifests {
    /** The overlays an operator applies. */
    public enum Overlay {
        CPU("k8s/overlays/cpu"), GPU("k8s/overlays/gpu");

        private final Path folder;

        Overlay(String folder) {
            this.folder = Path.of(folder);
        }

        public Path folder() {
            return folder;
        }
    }

    /** The HTTP paths of the workload's probes. */
    public record ProbePaths(String startup, String liveness, String readiness) {
        public List<String> all() {
            return List.of(startup, liveness, readiness);
        }
    }

    private static final Map<Path, RenderedManifests> RENDERED = new ConcurrentHashMap<>();

    private final List<Object> objects;

    private RenderedManifests(List<Object> objects) {
        this.objects = objects;
    }

    /** The probe paths of the flowseg container of an overlay's workload. */
    public static ProbePaths probePaths(Overlay overlay) {
        Container container = of(overlay).container();
        Function<Probe, String> path = probe -> probe.getHttpGet().getPath();
        return new ProbePaths(path.apply(container.getStartupProbe()), path.apply(container.getLivenessProbe()),
                path.apply(container.getReadinessProbe()));
    }

    static RenderedManifests of(Overlay overlay) {
        return of(overlay.folder());
    }

    static RenderedManifests of(Path kustomization) {
        return RENDERED.computeIfAbsent(kustomization.toAbsolutePath().normalize(), folder -> {
            Kustomize kustomize = Kustomize.locate();
            // Which kustomize rendered what, in the test log: CI pins one, a workstation uses its own.
            System.out.println("RenderedManifests: " + kustomize + " " + kustomization);
            return new RenderedManifests(new StrictManifestReader().read(kustomize.build(folder)));
        });
    }

    List<Object> objects() {
        return objects;
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one object of a type; fails when there are none or several. */
    <T> T the(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            fail("Expected one " + type.getSimpleName() + ", rendered " + found.size());
        }
        return found.get(0);
    }

    StatefulSet workload() {
        return the(StatefulSet.class);
    }

    /** The flowseg container of the workload (its only one). */
    Container container() {
        List<Container> containers = workload().getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            fail("Expected the flowseg container alone, found " + containers.size());
        }
        return containers.get(0);
    }

    ContainerEnvironment environment() {
        return new ContainerEnvironment(container(), all(ConfigMap.class));
    }

    Map<String, String> podLabels() {
        return workload().getSpec().getTemplate().getMetadata().getLabels();
    }

    /** "Kind/name" of a rendered object. */
    static String nameOf(Object object) {
        return kindOf(object) + "/" + metadataOf(object).getName();
    }

    static ObjectMeta metadataOf(Object object) {
        if (object instanceof HasMetadata resource) {
            return resource.getMetadata();
        }
        return ((KedaResource) object).metadata();
    }

    private static String kindOf(Object object) {
        if (object instanceof HasMetadata resource) {
            return resource.getKind();
        }
        return ((KedaResource) object).kind();
    }
}
