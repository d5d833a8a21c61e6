package io.flowseg.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Continuous batching across requests: row budget, pass counts, and results unchanged by batching. */
class BatchingTest {
    private static final int RESOLUTION = 8;
    private static final int PIXELS = RESOLUTION * RESOLUTION;

    /** Row-wise, non-linear in x, and dependent on the image (so the null rows differ). */
    private static TestFields.RecordingField rowWiseField() {
        return new TestFields.RecordingField(1, RESOLUTION, (t, x, xOffset, images, imageOffset, out, outOffset) -> {
            for (int p = 0; p < PIXELS; p++) {
                double xp = x[xOffset + p];
                out[outOffset + p] = (float) (images[imageOffset + p] * Math.cos(3 * t) - 0.7 * xp
                        + 0.2 * Math.sin(5 * xp));
            }
        });
    }

    private static float[] image(float base) {
        return TestFields.image(PIXELS, base);
    }

    private static float[][] noise(int samples, long seed) {
        float[][] noise = new float[samples][];
        for (int i = 0; i < samples; i++) {
            noise[i] = Seeds.gaussianNoise(seed ^ 0x5555, i, PIXELS);
        }
        return noise;
    }

    private static List<SamplingJob> mixedRequests() {
        return List.of(
                new SamplingJob("a", image(0.30f), new SamplingSettings(15, 0.3f, 4, OdeSolver.MIDPOINT, 11L), null),
                new SamplingJob("b", image(0.50f), new SamplingSettings(3, 0f, 7, OdeSolver.RK4, 12L), noise(3, 12L)),
                new SamplingJob("c", image(0.70f), new SamplingSettings(5, 2f, 3, OdeSolver.HEUN, 13L), null),
                new SamplingJob("d", image(0.20f), new SamplingSettings(2, 0f, 10, OdeSolver.EULER, 14L), null),
                new SamplingJob("e", image(0.90f), new SamplingSettings(1, -0.5f, 1, OdeSolver.RK4, 15L), null));
    }

    @ParameterizedTest
    @CsvSource({"2", "3", "9", "16", "200"})
    void mixedRequestsRespectTheRowBudgetAndMatchSoloSampling(int maxBatch) {
        List<SamplingJob> requests = mixedRequests();
        TestFields.RecordingField field = rowWiseField();
        List<long[]> progress = new ArrayList<>();
        List<SampleSet> sets = new FlowSampler(field, maxBatch).sample(requests,
                (done, total) -> progress.add(new long[] {done, total}));

        for (TestFields.Call call : field.calls) {
            assertTrue(call.batch() >= 1 && call.batch() <= maxBatch, "batch " + call.batch() + " > " + maxBatch);
        }
        long expectedRows = requests.stream().mapToLong(r -> r.settings().networkEvaluations()).sum();
        assertEquals(expectedRows, field.rowsEvaluated(), "rows evaluated = sum of the requests' evaluations");

        long soloCalls = 0;
        assertEquals(requests.size(), sets.size());
        for (int r = 0; r < requests.size(); r++) {
            SamplingJob request = requests.get(r);
            SampleSet set = sets.get(r);
            assertSame(request, set.request(), "results come back in request order");
            assertEquals(request.settings().networkEvaluations(), set.networkEvaluations(), request.id());
            assertTrue(set.forwardPasses() >= request.settings().steps() * request.settings().solver().stages(), request.id());
            assertTrue(set.forwardPasses() <= field.calls.size(), request.id());

            TestFields.RecordingField soloField = rowWiseField();
            SampleSet solo = new FlowSampler(soloField, 64).sample(List.of(request), SamplingProgress.NONE).get(0);
            soloCalls += soloField.calls.size();
            assertEquals(request.settings().samples(), set.samples().length);
            for (int i = 0; i < request.settings().samples(); i++) {
                assertArrayEquals(solo.samples()[i], set.samples()[i],
                        "request " + request.id() + " sample " + i + " must not depend on batching");
            }
        }
        if (maxBatch >= 9) {
            assertTrue(field.calls.size() < soloCalls, "requests share forward passes");
        }

        assertEquals(field.calls.size(), progress.size(), "progress after every pass");
        long previous = 0;
        for (long[] update : progress) {
            assertEquals(expectedRows, update[1]);
            assertTrue(update[0] > previous, "progress grows");
            previous = update[0];
        }
        assertEquals(expectedRows, previous, "progress ends at the total");
    }

    @ParameterizedTest
    @CsvSource({
        // maxBatch, expected passes: 15 guided samples need 30 rows
        "30, 1", "200, 1", "16, 2", "29, 2", "10, 3", "2, 15"
    })
    void fifteenGuidedSamplesTakeStepsTimesStagesPassesPerRound(int maxBatch, int rounds) {
        int steps = 4;
        SamplingJob request = new SamplingJob("m15", image(0.4f), new SamplingSettings(15, 0.3f, steps, OdeSolver.MIDPOINT,
                3L), null);
        TestFields.RecordingField field = rowWiseField();
        SampleSet set = new FlowSampler(field, maxBatch).sample(List.of(request), SamplingProgress.NONE).get(0);
        int perRound = steps * OdeSolver.MIDPOINT.stages();
        assertEquals(rounds * perRound, field.calls.size(), "forward passes counted by the field");
        assertEquals(rounds * perRound, set.forwardPasses(), "forward passes reported");
        assertEquals(request.settings().networkEvaluations(), set.networkEvaluations());
        assertEquals(15L * steps * 2 * 2, set.networkEvaluations());
    }

    @Test
    void rejectsInconsistentInputs() {
        TestFields.RecordingField field = rowWiseField();
        assertThrows(IllegalArgumentException.class, () -> new FlowSampler(field, 1));
        FlowSampler sampler = new FlowSampler(field, 4);
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(List.of(new SamplingJob("short",
                new float[PIXELS - 1], new SamplingSettings(1, 0f, 1, OdeSolver.EULER, 0L), null)), SamplingProgress.NONE));
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(List.of(new SamplingJob("noise",
                image(0.5f), new SamplingSettings(1, 0f, 1, OdeSolver.EULER, 0L), new float[][] {new float[3]})), SamplingProgress.NONE));
        assertThrows(IllegalArgumentException.class, () -> new SamplingJob("m", image(0.5f), new SamplingSettings(2, 0f, 1,
                OdeSolver.EULER, 0L), new float[1][PIXELS]));
        assertTrue(field.calls.isEmpty());
    }

    @Test
    void aRequestListedTwiceGetsTwoIndependentResults() {
        SamplingJob request = new SamplingJob("twice", image(0.3f), new SamplingSettings(3, 0.3f, 2, OdeSolver.HEUN, 9L), null);
        List<SampleSet> sets = new FlowSampler(rowWiseField(), 64).sample(List.of(request, request), SamplingProgress.NONE);
        SampleSet alone = new FlowSampler(rowWiseField(), 64).sample(List.of(request), SamplingProgress.NONE).get(0);
        for (SampleSet set : sets) {
            assertEquals(request.settings().networkEvaluations(), set.networkEvaluations());
            for (int i = 0; i < request.settings().samples(); i++) {
                assertArrayEquals(alone.samples()[i], set.samples()[i]);
            }
        }
    }

    @Test
    void networkEvaluationsCountGuidanceAndStages() {
        assertEquals(15L * 100 * 2 * 2, new SamplingJob("paper", image(0.5f), new SamplingSettings(15, 0.3f, 100,
                OdeSolver.MIDPOINT, 0L), null).settings().networkEvaluations());
        assertEquals(4L * 5 * 4, new SamplingJob("rk4", image(0.5f), new SamplingSettings(4, 0f, 5,
                OdeSolver.RK4, 0L), null).settings().networkEvaluations());
    }
}
