package io.flowseg.deployment;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import java.util.List;

/**
 * A KEDA {@code keda.sh/v1alpha1} ScaledObject, with the fields k8s/ uses. fabric8 has no KEDA
 * model; these records are read with FAIL_ON_UNKNOWN_PROPERTIES, so a field written here that
 * is not listed (a misspelling, or one KEDA does not have) fails as fabric8's unknown fields do.
 * The trigger's metadata is typed too: KEDA ignores metadata keys it does not know.
 */
record KedaScaledObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements KedaResource {
    static final String API_VERSION = "keda.sh/v1alpha1";
    static final String KIND = "ScaledObject";

    record Spec(ScaleTargetRef scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
                Integer pollingInterval, Advanced advanced, List<Trigger> triggers) {
    }

    record ScaleTargetRef(String apiVersion, String kind, String name, String envSourceContainerName) {
    }

    record Advanced(HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig) {
    }

    record HorizontalPodAutoscalerConfig(HorizontalPodAutoscalerBehavior behavior) {
    }

    record Trigger(String type, KafkaTriggerMetadata metadata, AuthenticationRef authenticationRef) {
    }

    /** The kafka scaler's parameters (keda.sh/docs/scalers/apache-kafka): all strings, as KEDA's CRD requires. */
    record KafkaTriggerMetadata(String bootstrapServersFromEnv, String consumerGroupFromEnv, String topicFromEnv,
                                String lagThreshold, String offsetResetPolicy, String allowIdleConsumers,
                                String sasl, String tls) {
    }

    record AuthenticationRef(String name) {
    }
}
