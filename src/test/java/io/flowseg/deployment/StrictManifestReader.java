package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads multi-document Kubernetes YAML into typed objects, and fails on anything it does not
 * know: a kind it has no type for, a field the type does not have (fabric8's
 * {@code additionalProperties}, found by {@link UnknownFields}; KEDA's records fail outright),
 * or a number or boolean where Kubernetes wants a string ({@code "true"} in a label, a KEDA
 * parameter), which the API server would refuse.
 */
final class StrictManifestReader {
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry(KedaScaledObject.API_VERSION + "/" + KedaScaledObject.KIND, KedaScaledObject.class),
            Map.entry(KedaTriggerAuthentication.API_VERSION + "/" + KedaTriggerAuthentication.KIND, KedaTriggerAuthentication.class));

    private final ObjectMapper mapper = strictMapper();
    private final UnknownFields unknownFields = new UnknownFields(mapper);

    /** Every document of {@code yaml}, as its typed object. */
    List<Object> read(String yaml) {
        List<Object> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = mapper.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(typed(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private Object typed(JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        String where = document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
        Class<?> target = TYPES.get(type);
        if (target == null) {
            return fail(where + ": no strict type for " + type + " (known: " + TYPES.keySet() + ")");
        }
        Object object;
        try {
            object = mapper.treeToValue(document, target);
        } catch (IOException e) {
            return fail(where + ": " + e.getMessage());
        }
        List<String> unknown = unknownFields.in(object, where);
        if (!unknown.isEmpty()) {
            fail("Fields " + target.getSimpleName() + " does not have: " + unknown);
        }
        return object;
    }

    private static ObjectMapper strictMapper() {
        YAMLMapper mapper = new YAMLMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }
}
