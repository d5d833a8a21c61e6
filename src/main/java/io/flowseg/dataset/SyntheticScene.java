package io.flowseg.dataset;

import io.flowseg.imaging.Image;
import java.util.List;
import java.util.Random;

/**
 * A synthetic image with the lesions it was made from and the rater process that outlines them,
 * so any number of rater masks can be drawn: the oracle.
 *
 * @param image 8-bit range grayscale image, size x size
 * @param lesions the lesions in it
 * @param raters the population its raters come from
 */
public record SyntheticScene(Image image, List<Lesion> lesions, RaterProcess raters) {

    public SyntheticScene {
        lesions = List.copyOf(lesions);
    }

    /** The mask of a rater freshly drawn from {@link #raters()}. */
    public boolean[] drawRaterMask(Random random) {
        return raterMask(raters.draw(random));
    }

    /** The mask a rater with this habit draws. */
    public boolean[] raterMask(RaterHabit habit) {
        int w = image.width();
        boolean[] mask = new boolean[w * image.height()];
        for (Lesion lesion : lesions) {
            if (!habit.draws(lesion)) {
                continue;
            }
            for (int row = 0; row < image.height(); row++) {
                for (int column = 0; column < w; column++) {
                    if (lesion.probability(column, row) > habit.isoLevel()) {
                        mask[row * w + column] = true;
                    }
                }
            }
        }
        return mask;
    }
}
