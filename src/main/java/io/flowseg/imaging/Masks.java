package io.flowseg.imaging;

/** Binary masks as the float maps the samplers and the training targets work in. */
public final class Masks {

    private Masks() {
    }

    /** 1 where the mask is set, else 0. */
    public static float[] toFloats(boolean[] mask) {
        float[] values = new float[mask.length];
        for (int p = 0; p < mask.length; p++) {
            values[p] = mask[p] ? 1f : 0f;
        }
        return values;
    }
}
