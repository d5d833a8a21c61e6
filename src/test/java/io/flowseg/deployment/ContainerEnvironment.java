package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment as the kubelet builds it: the ConfigMaps of {@code envFrom} first,
 * then {@code env} in order, a later entry replacing an earlier one of the same name.
 */
final class ContainerEnvironment {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    /** Every variable, in declaration order: a literal value, or an EnvVar with valueFrom. */
    private final Map<String, EnvVar> variables = new LinkedHashMap<>();
    private final List<String> undeclaredReferences = new ArrayList<>();

    ContainerEnvironment(Container container, List<ConfigMap> configMaps) {
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() == null) {
                fail("envFrom other than a ConfigMap: " + source);
            }
            String name = source.getConfigMapRef().getName();
            ConfigMap configMap = configMaps.stream().filter(map -> map.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("envFrom names ConfigMap " + name + ", which is not rendered"));
            configMap.getData().forEach((key, value) -> variables.put(key, new EnvVar(key, value, null)));
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                Matcher reference = REFERENCE.matcher(variable.getValue());
                while (reference.find()) {
                    if (!variables.containsKey(reference.group(1))) {
                        undeclaredReferences.add(variable.getName() + " -> $(" + reference.group(1) + ")");
                    }
                }
            }
            variables.remove(variable.getName());
            variables.put(variable.getName(), variable);
        }
    }

    List<String> names() {
        return List.copyOf(variables.keySet());
    }

    /** The variable's entry: its literal value, or where the value comes from. */
    Optional<EnvVar> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** A literal value (from env or a ConfigMap); empty for values from Secrets or fields, and for unset variables. */
    Optional<String> literal(String name) {
        return variable(name).map(EnvVar::getValue);
    }

    /** {@code $(NAME)} references to variables not declared before them: Kubernetes leaves those unexpanded. */
    List<String> undeclaredReferences() {
        return List.copyOf(undeclaredReferences);
    }
}
