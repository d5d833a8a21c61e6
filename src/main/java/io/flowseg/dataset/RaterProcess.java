package io.flowseg.dataset;

import java.util.Random;

/**
 * The population raters are drawn from: iso-levels uniform in [minIsoLevel, maxIsoLevel] and sight
 * uniform in [0, 1). Every written rater and every oracle draw is one {@link #draw(Random)}.
 */
public record RaterProcess(double minIsoLevel, double maxIsoLevel) {

    public RaterProcess {
        if (!(0 < minIsoLevel && minIsoLevel <= maxIsoLevel && maxIsoLevel < 1)) {
            throw new IllegalArgumentException("iso-levels must satisfy 0 < min <= max < 1, got "
                    + minIsoLevel + ", " + maxIsoLevel);
        }
    }

    public RaterHabit draw(Random random) {
        return new RaterHabit(minIsoLevel + (maxIsoLevel - minIsoLevel) * random.nextDouble(), random.nextDouble());
    }
}
