package io.flowseg.training;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.imaging.ModelInputPreparer;
import io.flowseg.imaging.Resampler;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-rater cases prepared once at the network's input size: each image min-max normalised to
 * [0, 1] (as at inference) and each rater mask resized by nearest neighbour and scaled to
 * {-1, +1}, the flow's data space.
 */
public final class TrainingSet {

    /**
     * One prepared case.
     *
     * @param image    normalised image, CHW
     * @param masks    each rater's mask in {-1, +1}
     * @param majority the raters' vote in {-1, +1}: foreground where at least half of them marked it
     */
    public record Item(float[] image, List<float[]> masks, float[] majority) {
    }

    private final List<Item> items;
    private final int imageChannels;
    private final int resolution;

    private TrainingSet(List<Item> items, int imageChannels, int resolution) {
        this.items = List.copyOf(items);
        this.imageChannels = imageChannels;
        this.resolution = resolution;
    }

    public static TrainingSet prepare(List<MultiRaterCase> cases, int imageChannels, int resolution) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no training cases");
        }
        ModelInputPreparer preparer = new ModelInputPreparer(imageChannels, resolution);
        List<Item> items = new ArrayList<>(cases.size());
        for (MultiRaterCase c : cases) {
            List<float[]> masks = new ArrayList<>(c.raters());
            for (boolean[] mask : c.raterMasks()) {
                boolean[] resized = Resampler.nearest(mask, c.image().width(), c.image().height(), resolution, resolution);
                float[] signed = new float[resized.length];
                for (int p = 0; p < resized.length; p++) {
                    signed[p] = resized[p] ? 1f : -1f;
                }
                masks.add(signed);
            }
            items.add(new Item(preparer.prepare(c.image()), masks, majority(masks)));
        }
        return new TrainingSet(items, imageChannels, resolution);
    }

    private static float[] majority(List<float[]> masks) {
        float[] vote = new float[masks.get(0).length];
        for (int p = 0; p < vote.length; p++) {
            int marked = 0;
            for (float[] mask : masks) {
                marked += mask[p] > 0 ? 1 : 0;
            }
            vote[p] = 2 * marked >= masks.size() ? 1f : -1f;
        }
        return vote;
    }

    public int size() {
        return items.size();
    }

    public Item item(int index) {
        return items.get(index);
    }

    public int imageChannels() {
        return imageChannels;
    }

    public int resolution() {
        return resolution;
    }
}
