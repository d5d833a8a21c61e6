package io.flowseg.dataset;

/**
 * A lesion as a smooth probability field: p = sigmoid((r(theta) - distance) / softness), where
 * the radius wobbles with angle. A small softness gives a sharp border that raters agree on; a
 * large one gives a faint border whose drawn extent depends on each rater's habit.
 *
 * @param x centre column
 * @param y centre row
 * @param radius mean radius in pixels
 * @param wobble relative radius modulation (0 = circle)
 * @param lobes angular frequency of the modulation
 * @param phase angular phase of the modulation
 * @param softness border width in pixels
 * @param contrast intensity the lesion adds to the image (faint lesions: low contrast)
 * @param visibility probability that a rater sees the lesion at all (1: every rater outlines it)
 */
public record Lesion(double x, double y, double radius, double wobble, int lobes, double phase,
                     double softness, double contrast, double visibility) {

    /** Probability that pixel (column, row) belongs to the lesion. */
    public double probability(int column, int row) {
        double dx = column + 0.5 - x;
        double dy = row + 0.5 - y;
        double edge = radius * (1 + wobble * Math.sin(lobes * Math.atan2(dy, dx) + phase));
        return 1 / (1 + Math.exp(-(edge - Math.hypot(dx, dy)) / softness));
    }
}
