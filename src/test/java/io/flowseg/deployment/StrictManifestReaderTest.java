package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.deployment.RenderedManifests.Overlay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Each row: what the rendered overlay says, the mistake written instead, and what the failure must name. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // A misspelt field of a fabric8 model, reported by its path.
        "readinessProbe: | readinesProbe: | StatefulSet/flowseg.spec.template.spec.containers[0].readinesProbe",
        // Deep inside a list.
        "- mountPath: /tmp | - mountPaht: /tmp | StatefulSet/flowseg.spec.template.spec.containers[0].volumeMounts[0].mountPaht",
        // A misspelt field of a KEDA record, and a parameter KEDA's kafka scaler does not have.
        "maxReplicaCount: | maxReplicas: | maxReplicas",
        "consumerGroupFromEnv: | consumerGroupFromEnvironment: | consumerGroupFromEnvironment",
        // A boolean where Kubernetes wants a string (a label value), a number where KEDA wants one.
        "nvidia.com/gpu.present: \"true\" | nvidia.com/gpu.present: true | StatefulSet/flowseg",
        "lagThreshold: \"16\" | lagThreshold: 16 | lagThreshold"})
    void mistakeIsRejectedAndNamed(String correct, String mistaken, String named) {
        assertTrue(rendered.contains(correct), "the rendered overlay no longer contains " + correct);
        String message = rejection(rendered.replaceFirst(Pattern.quote(correct), Matcher.quoteReplacement(mistaken)));
        assertTrue(message.contains(named), message);
    }

    @Test
    void kindWithoutAStrictTypeFails() {
        String hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: flowseg\n";
        String message = rejection(rendered + "---\n" + hpa);
        assertTrue(message.contains("HorizontalPodAutoscaler/flowseg"), message);
    }

    private static String rejection(String yaml) {
        return assertThrows(AssertionFailedError.class, () -> new StrictManifestReader().read(yaml)).getMessage();
    }
}
