package io.flowseg.dataset;

/**
 * How one simulated rater draws: the iso-level of the lesion probability at which they put the
 * border, and how keen their sight is. A rater outlines a lesion when {@code sight >= 1 -
 * visibility}, so a lesion of visibility v is seen by a share v of the raters, and a keen rater
 * sees every lesion a less keen one does.
 *
 * @param isoLevel border at p = isoLevel (low: generous outlines, high: tight ones)
 * @param sight uniform in [0, 1) across the rater population
 */
public record RaterHabit(double isoLevel, double sight) {

    boolean draws(Lesion lesion) {
        return sight >= 1 - lesion.visibility();
    }
}
