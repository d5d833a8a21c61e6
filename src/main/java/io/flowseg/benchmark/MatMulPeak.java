package io.flowseg.benchmark;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The machine's single-precision matrix-multiply rate through the engine: one large square
 * product, the best case for the CPU's vector units, so a network's GFLOP/s can be read as a
 * share of what the machine reaches at all.
 */
public final class MatMulPeak {
    private MatMulPeak() {
    }

    /** GFLOP/s of the fastest of {@code repeats} products of two n x n float32 matrices, after one warm-up. */
    public static double gflopsPerSecond(Device device, int n, int repeats) {
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            NDArray a = manager.randomNormal(new Shape(n, n));
            NDArray b = manager.randomNormal(new Shape(n, n));
            a.matMul(b).close();
            double best = Double.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                NDArray product = a.matMul(b);
                product.toFloatArray(); // waits for the result wherever it was computed
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                product.close();
            }
            return 2.0 * n * n * n / best / 1e9;
        }
    }
}
