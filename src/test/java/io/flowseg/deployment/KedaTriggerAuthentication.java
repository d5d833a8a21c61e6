package io.flowseg.deployment;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * A KEDA {@code keda.sh/v1alpha1} TriggerAuthentication, with the fields k8s/ uses; strict for
 * the same reason as {@link KedaScaledObject}.
 */
record KedaTriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements KedaResource {
    static final String API_VERSION = "keda.sh/v1alpha1";
    static final String KIND = "TriggerAuthentication";

    record Spec(List<SecretTargetRef> secretTargetRef) {
    }

    /** A scaler parameter read from a Secret's key. */
    record SecretTargetRef(String parameter, String name, String key) {
    }
}
