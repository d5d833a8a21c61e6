package io.flowseg.dataset;

import io.flowseg.imaging.Image;
import java.util.List;

/**
 * One image with the masks of its raters.
 *
 * @param id case name (the folder name in the folder format)
 * @param image the image, raw values
 * @param raterMasks one mask per rater, row-major, image-sized; true = foreground
 */
public record MultiRaterCase(String id, Image image, List<boolean[]> raterMasks) {

    public MultiRaterCase {
        raterMasks = List.copyOf(raterMasks);
        if (raterMasks.isEmpty()) {
            throw new IllegalArgumentException("case " + id + " has no rater masks");
        }
        int pixels = image.width() * image.height();
        for (boolean[] mask : raterMasks) {
            if (mask.length != pixels) {
                throw new IllegalArgumentException("case " + id + ": a mask of " + mask.length
                        + " pixels does not fit its " + image.width() + "x" + image.height() + " image");
            }
        }
    }

    public int raters() {
        return raterMasks.size();
    }

    /** The raters' vote: foreground where at least half of them marked the pixel (a tie counts). */
    public boolean[] majority() {
        boolean[] vote = new boolean[raterMasks.get(0).length];
        for (int p = 0; p < vote.length; p++) {
            int marked = 0;
            for (boolean[] mask : raterMasks) {
                marked += mask[p] ? 1 : 0;
            }
            vote[p] = 2 * marked >= raterMasks.size();
        }
        return vote;
    }
}
