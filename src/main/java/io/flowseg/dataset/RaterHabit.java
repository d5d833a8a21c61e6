package io.flowseg.dataset;

import java.util.Random;

/**
 * How one simulated rater draws: the iso-level of the lesion probability at which they put the
 * border, and whether they overlook faint lesions. Every rater of every case, and every oracle
 * draw, is one draw from {@link #draw(Random)}: that is the known rater process.
 *
 * @param isoLevel border at p = isoLevel (low: generous outlines, high: tight ones)
 * @param overlooksFaint whether lesions of contrast below {@link #FAINT_CONTRAST} are left out
 */
public record RaterHabit(double isoLevel, boolean overlooksFaint) {
    public static final double MIN_ISO_LEVEL = 0.2;
    public static final double MAX_ISO_LEVEL = 0.8;
    public static final double OVERLOOK_PROBABILITY = 0.3;
    public static final double FAINT_CONTRAST = 0.3;

    /** A rater from the population: iso-level ~ U[0.2, 0.8], overlooks faint lesions with probability 0.3. */
    public static RaterHabit draw(Random random) {
        return new RaterHabit(MIN_ISO_LEVEL + (MAX_ISO_LEVEL - MIN_ISO_LEVEL) * random.nextDouble(),
                random.nextDouble() < OVERLOOK_PROBABILITY);
    }

    boolean draws(Lesion lesion) {
        return !(overlooksFaint && lesion.contrast() < FAINT_CONTRAST);
    }
}
