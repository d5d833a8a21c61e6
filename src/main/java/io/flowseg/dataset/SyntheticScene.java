package io.flowseg.dataset;

import io.flowseg.imaging.Image;
import java.util.List;

/**
 * A synthetic image with the lesions it was made from, so any number of rater masks can be
 * drawn from the known rater process.
 *
 * @param image 8-bit range grayscale image, size x size
 * @param lesions the lesions in it
 */
public record SyntheticScene(Image image, List<Lesion> lesions) {

    public SyntheticScene {
        lesions = List.copyOf(lesions);
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
