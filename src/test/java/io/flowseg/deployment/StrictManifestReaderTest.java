package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.deployment.RenderedManifests.Overlay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The strict reader rejects what Kubernetes or KEDA would silently drop or refuse: each case is
 * the real rendered GPU overlay with one mistake written into it.
 */
class StrictManifestReaderTest {
    private static String rendered;

    @BeforeAll
    static void render() {
        rendered = Kustomize.locate().build(Overlay.GPU.folder());
    }

    @Test
    void readsTheRenderedOverlayAsItIs() {
        assertEquals(10, new StrictManifestReader().read(rendered).size());
    }

    @Test
    void misspeltContainerFieldIsReportedByItsPath() {
        String message = rejection(withMistake("readinessProbe:", "readinesProbe:"));
        assertTrue(message.contains("StatefulSet/flowseg.spec.template.spec.containers[0].readinesProbe"), message);
    }

    @Test
    void misspeltFieldDeepInsideAListIsReportedByItsPath() {
        String message = rejection(withMistake("        - mountPath: /tmp\n", "        - mountPaht: /tmp\n"));
        assertTrue(message.contains("StatefulSet/flowseg.spec.template.spec.containers[0].volumeMounts[0].mountPaht"), message);
    }

    @Test
    void misspeltScaledObjectFieldFails() {
        String message = rejection(withMistake("  maxReplicaCount:", "  maxReplicas:"));
        assertTrue(message.contains("maxReplicas"), message);
    }

    @Test
    void unknownKafkaTriggerParameterFails() {
        String message = rejection(withMistake("consumerGroupFromEnv:", "consumerGroupFromEnvironment:"));
        assertTrue(message.contains("consumerGroupFromEnvironment"), message);
    }

    @Test
    void booleanWhereKubernetesWantsAStringFails() {
        String message = rejection(withMistake("nvidia.com/gpu.present: \"true\"", "nvidia.com/gpu.present: true"));
        assertTrue(message.contains("StatefulSet/flowseg"), message);
    }

    @Test
    void numberWhereKedaWantsAStringFails() {
        String message = rejection(withMistake("lagThreshold: \"16\"", "lagThreshold: 16"));
        assertTrue(message.contains("lagThreshold"), message);
    }

    @Test
    void kindWithoutAStrictTypeFails() {
        String hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: flowseg\n";
        String message = rejection(rendered + "---\n" + hpa);
        assertTrue(message.contains("HorizontalPodAutoscaler/flowseg"), message);
    }

    private static String withMistake(String correct, String mistaken) {
        assertTrue(rendered.contains(correct), "the rendered overlay no longer contains " + correct);
        return rendered.replaceFirst(Pattern.quote(correct), Matcher.quoteReplacement(mistaken));
    }

    private static String rejection(String yaml) {
        return assertThrows(AssertionFailedError.class, () -> new StrictManifestReader().read(yaml)).getMessage();
    }
}
