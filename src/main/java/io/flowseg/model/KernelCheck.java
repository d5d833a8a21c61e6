package io.flowseg.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A known-answer check of the CPU kernels the network runs (convolution, a convolution with zero
 * weights, batched matrix multiply, layer norm as GroupNorm uses it, SiLU, softmax), each against
 * the same arithmetic in plain Java, and a batch row against the same row alone. On this
 * workplace's AMD EPYC, oneDNN's AVX-512 kernels returned NaN from a zero-initialised convolution
 * and made batch rows differ from the row alone; {@link IsaProbe} runs this check under each
 * instruction-set cap until one passes. It takes some milliseconds.
 */
public final class KernelCheck {
    /** Error allowed relative to the largest reference value: float32 against double, other algorithms. */
    static final double TOLERANCE = 2e-3;

    /** What the check found: each kernel's worst error, relative to its largest reference value. */
    public record Verdict(boolean passed, List<String> failures, double worstError) {
        public String describe() {
            return passed ? String.format("all kernels match (worst relative error %.1e)", worstError)
                    : String.join("; ", failures);
        }
    }

    private final List<String> failures = new ArrayList<>();
    private double worst;

    KernelCheck() {
    }

    /** Runs every kernel on the CPU and compares it with its reference. */
    public static Verdict run() {
        KernelCheck check = new KernelCheck();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            check.convolutions(manager);
            check.matMul(manager);
            check.layerNorm(manager);
            check.activations(manager);
        }
        return check.verdict();
    }

    Verdict verdict() {
        return new Verdict(failures.isEmpty(), List.copyOf(failures), worst);
    }

    private void convolutions(NDManager manager) {
        Random random = new Random(11);
        int batch = 3;
        int in = 24;
        int out = 48;
        int size = 16;
        float[] x = gaussian(random, batch * in * size * size);
        float[] w = gaussian(random, out * in * 9);
        float[] b = gaussian(random, out);
        NDArray input = manager.create(x, new Shape(batch, in, size, size));
        float[] got = conv(input, manager.create(w, new Shape(out, in, 3, 3)), manager.create(b, new Shape(out)));
        compare("3x3 convolution", got, Reference.conv3x3(x, w, b, batch, in, out, size));

        float[] firstAlone = conv(input.get("0:1"), manager.create(w, new Shape(out, in, 3, 3)),
                manager.create(b, new Shape(out)));
        float[] firstInBatch = new float[firstAlone.length];
        System.arraycopy(got, 0, firstInBatch, 0, firstInBatch.length);
        compare("3x3 convolution, a row alone against the same row in its batch", firstAlone, firstInBatch);

        // Residual blocks and the output layer start with zero weights: the answer is exactly zero.
        float[] zero = conv(input, manager.zeros(new Shape(out, in, 3, 3)), manager.zeros(new Shape(out)));
        compare("3x3 convolution with zero weights", zero, new float[zero.length]);
    }

    private static float[] conv(NDArray input, NDArray weight, NDArray bias) {
        return Conv2d.conv2d(input, weight, bias, new Shape(1, 1), new Shape(1, 1))
                .singletonOrThrow().toFloatArray();
    }

    private void matMul(NDManager manager) {
        Random random = new Random(12);
        int batch = 2;
        int rows = 64;
        int inner = 48;
        int columns = 72;
        float[] a = gaussian(random, batch * rows * inner);
        float[] b = gaussian(random, batch * inner * columns);
        float[] got = manager.create(a, new Shape(batch, rows, inner))
                .matMul(manager.create(b, new Shape(batch, inner, columns))).toFloatArray();
        compare("batched matrix multiply", got, Reference.matMul(a, b, batch, rows, inner, columns));
    }

    private void layerNorm(NDManager manager) {
        Random random = new Random(13);
        int rows = 24;
        int width = 3 * 16 * 16;
        float[] x = gaussian(random, rows * width);
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 * x[i] + 1.5f;
        }
        float[] got = LayerNorm.layerNorm(manager.create(x, new Shape(rows, width)), new Shape(width),
                manager.ones(new Shape(width)), manager.zeros(new Shape(width)), 1e-5f).singletonOrThrow().toFloatArray();
        compare("layer norm", got, Reference.layerNorm(x, rows, width, 1e-5));
    }

    private void activations(NDManager manager) {
        Random random = new Random(14);
        int rows = 16;
        int width = 256;
        float[] x = gaussian(random, rows * width);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 4;
        }
        compare("softmax", manager.create(x, new Shape(rows, width)).softmax(-1).toFloatArray(),
                Reference.softmax(x, rows, width));
        compare("SiLU", Layers.silu(manager.create(x, new Shape(rows, width)), false).toFloatArray(),
                Reference.silu(x));
    }

    /** Records a failure when {@code got} has a NaN or infinity, or strays beyond {@link #TOLERANCE}. */
    void compare(String kernel, float[] got, float[] expected) {
        double scale = 0;
        for (float value : expected) {
            scale = Math.max(scale, Math.abs(value));
        }
        double error = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs((double) got[i] - expected[i]);
            if (Double.isNaN(got[i]) || Double.isInfinite(got[i])) {
                failures.add(kernel + ": " + got[i] + " at element " + i);
                return;
            }
            error = Math.max(error, difference);
        }
        double relative = error / Math.max(scale, 1);
        worst = Math.max(worst, relative);
        if (relative > TOLERANCE) {
            failures.add(String.format("%s: error %.3g relative to the largest value (allowed %.0e)", kernel,
                    relative, TOLERANCE));
        }
    }

    private static float[] gaussian(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** The same arithmetic in plain Java, accumulated in double. */
    static final class Reference {
        private Reference() {
        }

        static float[] conv3x3(float[] x, float[] w, float[] b, int batch, int in, int out, int size) {
            float[] y = new float[batch * out * size * size];
            for (int n = 0; n < batch; n++) {
                for (int o = 0; o < out; o++) {
                    for (int row = 0; row < size; row++) {
                        for (int column = 0; column < size; column++) {
                            double sum = b[o];
                            for (int c = 0; c < in; c++) {
                                for (int dy = -1; dy <= 1; dy++) {
                                    for (int dx = -1; dx <= 1; dx++) {
                                        int r = row + dy;
                                        int s = column + dx;
                                        if (r >= 0 && r < size && s >= 0 && s < size) {
                                            sum += (double) x[((n * in + c) * size + r) * size + s]
                                                    * w[((o * in + c) * 3 + dy + 1) * 3 + dx + 1];
                                        }
                                    }
                                }
                            }
                            y[((n * out + o) * size + row) * size + column] = (float) sum;
                        }
                    }
                }
            }
            return y;
        }

        static float[] matMul(float[] a, float[] b, int batch, int rows, int inner, int columns) {
            float[] c = new float[batch * rows * columns];
            for (int n = 0; n < batch; n++) {
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < columns; j++) {
                        double sum = 0;
                        for (int k = 0; k < inner; k++) {
                            sum += (double) a[(n * rows + i) * inner + k] * b[(n * inner + k) * columns + j];
                        }
                        c[(n * rows + i) * columns + j] = (float) sum;
                    }
                }
            }
            return c;
        }

        static float[] layerNorm(float[] x, int rows, int width, double epsilon) {
            float[] y = new float[x.length];
            for (int r = 0; r < rows; r++) {
                double mean = 0;
                for (int i = 0; i < width; i++) {
                    mean += x[r * width + i];
                }
                mean /= width;
                double variance = 0;
                for (int i = 0; i < width; i++) {
                    double d = x[r * width + i] - mean;
                    variance += d * d;
                }
                variance /= width;
                double scale = 1 / Math.sqrt(variance + epsilon);
                for (int i = 0; i < width; i++) {
                    y[r * width + i] = (float) ((x[r * width + i] - mean) * scale);
                }
            }
            return y;
        }

        static float[] silu(float[] x) {
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = (float) (x[i] / (1 + Math.exp(-x[i])));
            }
            return y;
        }

        static float[] softmax(float[] x, int rows, int width) {
            float[] y = new float[x.length];
            for (int r = 0; r < rows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < width; i++) {
                    max = Math.max(max, x[r * width + i]);
                }
                double sum = 0;
                for (int i = 0; i < width; i++) {
                    sum += Math.exp(x[r * width + i] - max);
                }
                for (int i = 0; i < width; i++) {
                    y[r * width + i] = (float) (Math.exp(x[r * width + i] - max) / sum);
                }
            }
            return y;
        }
    }
}
