package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step-conditioned (shortcut) network: made from a plain model it starts as that model, and d reaches the output. */
class ShortcutNetworkTest {
    private static final UNetConfig SHORTCUT = TestModels.TINY.withStepConditioning();

    @TempDir
    Path dir;

    private static float[] evaluate(VelocityModel model, TestModels.Batch batch, float stepSize) {
        float[] stepSizes = new float[batch.batch()];
        java.util.Arrays.fill(stepSizes, stepSize);
        try (VelocityPredictor predictor = model.newPredictor()) {
            return predictor.evaluate(batch.x(), batch.images(), batch.t(), stepSizes, batch.batch());
        }
    }

    /** A plain model whose velocity is not identically zero. */
    private VelocityModel plainModel() throws IOException {
        return VelocityModel.load(TestModels.writeNonZeroModel(TestModels.TINY, 4, dir.resolve("plain.flowseg"), "plain"));
    }

    /** The plain model's weights in a step-conditioned network (a fine-tune's start). */
    private static VelocityModel stepConditioned(VelocityModel plain) {
        VelocityModel shortcut = VelocityModel.untrained(SHORTCUT, 1);
        shortcut.copyParametersFrom(plain);
        return shortcut;
    }

    @Test
    void madeFromAPlainModelItGivesThatModelsVelocityAtEveryStepSize() throws IOException {
        TestModels.Batch batch = TestModels.randomBatch(TestModels.TINY, 3, 9);
        try (VelocityModel plain = plainModel(); VelocityModel shortcut = stepConditioned(plain)) {
            float[] expected = TestModels.evaluate(plain, batch);
            assertTrue(TestModels.maxAbs(expected) > 1e-3, "the plain model's velocity is not zero");
            for (float d : new float[] {0f, 1f / 64, 0.5f, 1f}) {
                assertArrayEquals(expected, evaluate(shortcut, batch, d), 1e-6f, "d = " + d);
            }
        }
    }

    @Test
    void onceItsStepEmbeddingHasWeightsTheStepSizeChangesTheVelocity() throws IOException {
        TestModels.Batch batch = TestModels.randomBatch(TestModels.TINY, 2, 3);
        try (VelocityModel plain = plainModel(); VelocityModel shortcut = stepConditioned(plain)) {
            for (Pair<String, Parameter> entry : shortcut.network().getParameters()) {
                if (entry.getKey().endsWith("stepOutput_weight")) {
                    float[] weights = TestModels.uniform(2, (int) entry.getValue().getArray().size(), -0.5f, 0.5f);
                    entry.getValue().getArray().set(weights);
                }
            }
            float[] atZero = evaluate(shortcut, batch, 0f);
            float[] atHalf = evaluate(shortcut, batch, 0.5f);
            float difference = 0;
            for (int i = 0; i < atZero.length; i++) {
                difference = Math.max(difference, Math.abs(atZero[i] - atHalf[i]));
            }
            assertTrue(difference > 1e-4, "d must reach the output, max difference " + difference);
        }
    }

    @Test
    void theStepConditioningTravelsWithTheFile() throws IOException {
        Path file = dir.resolve("shortcut.flowseg");
        try (VelocityModel original = VelocityModel.untrained(SHORTCUT, 3)) {
            original.save(file, "v-shortcut");
        }
        try (VelocityModel loaded = VelocityModel.load(file); VelocityPredictor predictor = loaded.newPredictor()) {
            assertEquals(Optional.of(SHORTCUT), loaded.config());
            assertTrue(predictor.stepConditioned());
        }
        try (VelocityModel plain = VelocityModel.untrained(TestModels.TINY, 3);
             VelocityPredictor predictor = plain.newPredictor()) {
            assertFalse(predictor.stepConditioned());
        }
    }

    @Test
    void aModelWhoseLayersDoNotFitIsRefused() {
        UNetConfig wider = new UNetConfig("custom", 1, 16, 16, java.util.List.of(1, 2), 1, java.util.List.of(8), true, 2, 4)
                .withStepConditioning();
        try (VelocityModel plain = VelocityModel.untrained(TestModels.TINY, 1);
             VelocityModel other = VelocityModel.untrained(wider, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.copyParametersFrom(plain));
            assertTrue(e.getMessage().contains("no counterpart"), e.getMessage());
        }
    }
}
