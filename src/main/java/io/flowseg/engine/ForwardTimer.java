package io.flowseg.engine;

import io.flowseg.sampling.VelocityField;
import java.util.Arrays;
import java.util.Random;

/** Times forward passes of a velocity field on random inputs. */
public final class ForwardTimer {
    private final VelocityField field;

    public ForwardTimer(VelocityField field) {
        this.field = field;
    }

    /** Milliseconds of each of {@code repeats} forwards at {@code batch} rows, after {@code warmup} untimed ones. */
    public double[] time(int batch, int warmup, int repeats) {
        Inputs inputs = inputs(batch);
        for (int i = 0; i < warmup; i++) {
            field.evaluate(inputs.x, inputs.images, inputs.t, batch);
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            field.evaluate(inputs.x, inputs.images, inputs.t, batch);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** Runs {@code count} forwards without timing them (for memory checks). */
    public void run(int batch, int count) {
        Inputs inputs = inputs(batch);
        for (int i = 0; i < count; i++) {
            field.evaluate(inputs.x, inputs.images, inputs.t, batch);
        }
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private record Inputs(float[] x, float[] images, float[] t) {
    }

    private Inputs inputs(int batch) {
        int pixels = field.resolution() * field.resolution();
        Random random = new Random(0);
        float[] x = new float[batch * pixels];
        float[] images = new float[batch * pixels * field.imageChannels()];
        float[] t = new float[batch];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }
        Arrays.fill(t, 0.5f);
        return new Inputs(x, images, t);
    }
}
