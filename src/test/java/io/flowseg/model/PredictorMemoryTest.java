package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowseg.sampling.FlowSampler;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingJob;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native memory stays flat: counted as the NDArrays alive under the engine's system manager
 * (every model, predictor and per-call manager is one of its descendants).
 */
class PredictorMemoryTest {
    @TempDir
    Path dir;

    static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager(ComputeDevice.get(), "PyTorch")) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    @Test
    void theCounterSeesArrays() {
        int before = liveArrays();
        try (NDManager manager = NDManager.newBaseManager(ComputeDevice.get(), "PyTorch")) {
            NDArray a = manager.zeros(new Shape(3));
            NDArray b = a.add(1f);
            assertEquals(before + 2, liveArrays());
            b.close();
            assertEquals(before + 1, liveArrays());
        }
        assertEquals(before, liveArrays());
    }

    @Test
    void forwardPassesDoNotAccumulateArrays() throws IOException {
        Path file = TestModels.writeNonZeroModel(TestModels.TINY, 4, dir.resolve("m.flowseg"), "v");
        try (VelocityModel model = VelocityModel.load(file); VelocityPredictor predictor = model.newPredictor()) {
            TestModels.Batch[] batches = {
                TestModels.randomBatch(TestModels.TINY, 1, 1), TestModels.randomBatch(TestModels.TINY, 2, 2),
                TestModels.randomBatch(TestModels.TINY, 3, 3)
            };
            for (TestModels.Batch batch : batches) { // warm-up: lazily created caches live with the model
                predictor.evaluate(batch.x(), batch.images(), batch.t(), batch.batch());
            }
            int before = liveArrays();
            for (int i = 0; i < 200; i++) {
                TestModels.Batch batch = batches[i % batches.length];
                predictor.evaluate(batch.x(), batch.images(), batch.t(), batch.batch());
            }
            assertEquals(before, liveArrays(), "arrays alive after 200 forward passes");
        }
    }

    @Test
    void samplingDoesNotAccumulateArrays() throws IOException {
        Path file = TestModels.writeNonZeroModel(TestModels.TINY, 4, dir.resolve("m.flowseg"), "v");
        try (VelocityModel model = VelocityModel.load(file); VelocityPredictor predictor = model.newPredictor()) {
            FlowSampler sampler = new FlowSampler(predictor, 4);
            float[] image = TestModels.uniform(3, 256, 0f, 1f);
            List<SamplingJob> requests = List.of(
                    new SamplingJob("a", image, new SamplingSettings(3, 0.3f, 2, OdeSolver.MIDPOINT, 1L), null),
                    new SamplingJob("b", image, new SamplingSettings(2, 0f, 3, OdeSolver.EULER, 2L), null));
            sampler.sample(requests, SamplingProgress.NONE);
            int before = liveArrays();
            sampler.sample(requests, SamplingProgress.NONE);
            sampler.sample(requests, SamplingProgress.NONE);
            assertEquals(before, liveArrays());
        }
    }

    @Test
    void closingAModelReleasesItsArrays() throws IOException {
        int before = liveArrays();
        try (VelocityModel model = VelocityModel.untrained(TestModels.TINY, 3);
             VelocityPredictor predictor = model.newPredictor()) {
            TestModels.Batch batch = TestModels.randomBatch(TestModels.TINY, 2, 1);
            predictor.evaluate(batch.x(), batch.images(), batch.t(), batch.batch());
        }
        assertEquals(before, liveArrays());
    }

    @Test
    void aFailedLoadReleasesWhatItAllocated() throws IOException {
        Path whole = dir.resolve("whole.flowseg");
        try (VelocityModel model = VelocityModel.untrained(TestModels.TINY, 3)) {
            model.save(whole, "v");
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.flowseg");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 3 / 4));
        int before = liveArrays();
        assertThrows(IOException.class, () -> VelocityModel.load(cut).close());
        assertEquals(before, liveArrays(), "arrays of the half-loaded network");
    }
}
