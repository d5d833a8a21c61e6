package io.flowseg.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Pure-Java velocity fields for the sampler tests: exact, row-wise, and recording every call. */
final class TestFields {

    private TestFields() {
    }

    /** The velocity of one row: reads its x and image, writes its velocity. */
    @FunctionalInterface
    interface RowVelocity {
        void evaluate(float t, float[] x, int xOffset, float[] images, int imageOffset, float[] out, int outOffset);
    }

    /** The velocity of one pixel from t, x at that pixel and the pixel index alone. */
    @FunctionalInterface
    interface PixelVelocity {
        double at(double t, double x, int pixel);
    }

    /** What the sampler passed to one evaluate call (copies). */
    record Call(int batch, float[] x, float[] images, float[] t, float[] stepSizes) {
    }

    /** A row-wise field that keeps a copy of every call it gets. */
    static final class RecordingField implements VelocityField {
        final List<Call> calls = new ArrayList<>();
        private final int channels;
        private final int resolution;
        private final RowVelocity velocity;

        RecordingField(int channels, int resolution, RowVelocity velocity) {
            this.channels = channels;
            this.resolution = resolution;
            this.velocity = velocity;
        }

        @Override
        public int imageChannels() {
            return channels;
        }

        @Override
        public int resolution() {
            return resolution;
        }

        int pixels() {
            return resolution * resolution;
        }

        int imageLength() {
            return channels * pixels();
        }

        @Override
        public float[] evaluate(float[] x, float[] images, float[] t, int batch) {
            return evaluate(x, images, t, new float[batch], batch);
        }

        @Override
        public float[] evaluate(float[] x, float[] images, float[] t, float[] stepSizes, int batch) {
            assertEquals(batch * pixels(), x.length, "x holds batch rows of R*R");
            assertEquals(batch * imageLength(), images.length, "images hold batch rows of C*R*R");
            assertEquals(batch, t.length, "one time per row");
            assertEquals(batch, stepSizes.length, "one step size per row");
            calls.add(new Call(batch, x.clone(), images.clone(), t.clone(), stepSizes.clone()));
            float[] out = new float[batch * pixels()];
            for (int row = 0; row < batch; row++) {
                velocity.evaluate(t[row], x, row * pixels(), images, row * imageLength(), out, row * pixels());
            }
            return out;
        }

        long rowsEvaluated() {
            return calls.stream().mapToLong(Call::batch).sum();
        }
    }

    /** A field whose velocity depends on t, x and the pixel only (never on the image). */
    static RecordingField pointwise(int resolution, PixelVelocity velocity) {
        int pixels = resolution * resolution;
        return new RecordingField(1, resolution, (t, x, xOffset, images, imageOffset, out, outOffset) -> {
            for (int p = 0; p < pixels; p++) {
                out[outOffset + p] = (float) velocity.at(t, x[xOffset + p], p);
            }
        });
    }

    static boolean allZero(float[] values, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (values[i] != 0f) {
                return false;
            }
        }
        return true;
    }

    static float[] slice(float[] values, int offset, int length) {
        return Arrays.copyOfRange(values, offset, offset + length);
    }

    /** An image whose every value is non-zero and distinct-ish, in (0, 1]. */
    static float[] image(int length, float base) {
        float[] image = new float[length];
        for (int i = 0; i < length; i++) {
            image[i] = base + (i % 7) * 0.01f;
        }
        return image;
    }

    /** The inverse of FlowSampler's decoding, valid while the state stayed inside (-1, 1). */
    static double undecode(float decoded) {
        return 2.0 * decoded - 1.0;
    }
}
