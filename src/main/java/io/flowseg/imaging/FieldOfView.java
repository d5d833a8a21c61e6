package io.flowseg.imaging;

/**
 * The centred part of each image a model works on, as a share of each side. Lesion-centred crops
 * (LIDC's are 128 px around the nodule, every rater mark within 12 px of the centre) let a model
 * look at the middle quarter at the data's own resolution rather than at the whole crop shrunk:
 * the same compute sees small nodules at twice the detail. Planes go to the model by
 * {@link #toModel} (cut out, then {@link Resampler#toModel}) and maps come back by
 * {@link #toImage} (the inverse resize, pasted into the whole image), so a mask stays aligned with
 * its image both ways. Outside the window the model says nothing: maps are 0 there.
 *
 * @param share side of the window over side of the image, in (0, 1]; 1 is the whole image
 */
public record FieldOfView(double share) {

    /** The whole image, as every model before the field of view saw it. */
    public static final FieldOfView WHOLE = new FieldOfView(1);

    public FieldOfView {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the field of view must be a share of the image side in (0, 1], got " + share);
        }
    }

    /** Whether this is the whole image, where both directions reduce to a plain resize. */
    public boolean isWhole() {
        return share == 1;
    }

    /** The centred window of an image of this size; at least one pixel each way. */
    public Window window(int width, int height) {
        int windowWidth = side(width);
        int windowHeight = side(height);
        return new Window((width - windowWidth) / 2, (height - windowHeight) / 2, windowWidth, windowHeight);
    }

    private int side(int imageSide) {
        return Math.max(1, Math.min(imageSide, (int) Math.round(imageSide * share)));
    }

    /** One image plane cut to the window and resized to the model's side. */
    public float[] toModel(float[] plane, int width, int height, int side) {
        Window window = window(width, height);
        return Resampler.toModel(window.cut(plane, width, height), window.width(), window.height(), side, side);
    }

    /** A model-side map resized bilinearly to the window and pasted into an image-sized map, 0 outside. */
    public float[] toImage(float[] map, int side, int width, int height) {
        Window window = window(width, height);
        return window.paste(Resampler.bilinear(map, side, side, window.width(), window.height()), width, height);
    }

    /** A model-side mask resized by nearest neighbour to the window and pasted, false outside. */
    public boolean[] toImage(boolean[] mask, int side, int width, int height) {
        Window window = window(width, height);
        return window.paste(Resampler.nearest(mask, side, side, window.width(), window.height()), width, height);
    }

    /**
     * A rectangle of an image.
     *
     * @param x      first column
     * @param y      first row
     * @param width  columns
     * @param height rows
     */
    public record Window(int x, int y, int width, int height) {

        /** The window's pixels of a row-major image plane; the plane itself when the window is all of it. */
        float[] cut(float[] plane, int imageWidth, int imageHeight) {
            Planes.requireSize(plane.length, imageWidth, imageHeight);
            if (covers(imageWidth, imageHeight)) {
                return plane;
            }
            float[] cut = new float[width * height];
            for (int row = 0; row < height; row++) {
                System.arraycopy(plane, (y + row) * imageWidth + x, cut, row * width, width);
            }
            return cut;
        }

        float[] paste(float[] windowPlane, int imageWidth, int imageHeight) {
            return covers(imageWidth, imageHeight) ? windowPlane
                    : pasteRows(windowPlane, new float[imageWidth * imageHeight], imageWidth);
        }

        boolean[] paste(boolean[] windowMask, int imageWidth, int imageHeight) {
            return covers(imageWidth, imageHeight) ? windowMask
                    : pasteRows(windowMask, new boolean[imageWidth * imageHeight], imageWidth);
        }

        /** Copies the window's rows into an image-sized array of the same element type. */
        private <A> A pasteRows(A window, A image, int imageWidth) {
            for (int row = 0; row < height; row++) {
                System.arraycopy(window, row * width, image, (y + row) * imageWidth + x, width);
            }
            return image;
        }

        private boolean covers(int imageWidth, int imageHeight) {
            return width == imageWidth && height == imageHeight;
        }
    }
}
