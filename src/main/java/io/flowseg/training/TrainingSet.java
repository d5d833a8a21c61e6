package io.flowseg.training;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.imaging.FieldOfView;
import io.flowseg.imaging.Masks;
import io.flowseg.imaging.ModelInputPreparer;
import io.flowseg.imaging.Resampler;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-rater cases prepared once at the network's input size: each image min-max normalised to
 * [0, 1] (as at inference), and each rater mask cut to the same {@link FieldOfView} and resampled
 * by the same geometry as its image ({@link Resampler#toModel}, an area mean when shrinking), then
 * turned into the flow's data space [-1, +1] by a {@link MaskTarget}.
 */
public final class TrainingSet {

    /**
     * One prepared case.
     *
     * @param image    normalised image, CHW
     * @param masks    each rater's target in [-1, +1]
     * @param majority the raters' vote at the original size (foreground where at least half of them
     *                 marked it), resampled and turned into a target the same way
     */
    public record Item(float[] image, List<float[]> masks, float[] majority) {
    }

    private final List<Item> items;
    private final int imageChannels;
    private final int resolution;
    private final FieldOfView view;

    private TrainingSet(List<Item> items, int imageChannels, int resolution, FieldOfView view) {
        this.items = List.copyOf(items);
        this.imageChannels = imageChannels;
        this.resolution = resolution;
        this.view = view;
    }

    /** The cases prepared for a network that sees the whole image. */
    public static TrainingSet prepare(List<MultiRaterCase> cases, int imageChannels, int resolution,
                                      MaskTarget target) {
        return prepare(cases, imageChannels, resolution, FieldOfView.WHOLE, target);
    }

    public static TrainingSet prepare(List<MultiRaterCase> cases, int imageChannels, int resolution,
                                      FieldOfView view, MaskTarget target) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no training cases");
        }
        ModelInputPreparer preparer = new ModelInputPreparer(imageChannels, resolution, view);
        List<Item> items = new ArrayList<>(cases.size());
        for (MultiRaterCase c : cases) {
            List<float[]> masks = new ArrayList<>(c.raters());
            for (boolean[] mask : c.raterMasks()) {
                masks.add(toTarget(mask, c, resolution, view, target));
            }
            items.add(new Item(preparer.prepare(c.image()), masks,
                    toTarget(c.majority(), c, resolution, view, target)));
        }
        return new TrainingSet(items, imageChannels, resolution, view);
    }

    private static float[] toTarget(boolean[] mask, MultiRaterCase c, int resolution, FieldOfView view,
                                    MaskTarget target) {
        float[] resized = view.toModel(Masks.toFloats(mask), c.image().width(), c.image().height(), resolution);
        for (int p = 0; p < resized.length; p++) {
            resized[p] = target.of(resized[p]);
        }
        return resized;
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

    /** The centred part of each case's image the prepared planes cover. */
    public FieldOfView view() {
        return view;
    }
}
