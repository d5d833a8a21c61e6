package io.flowseg.uncertainty;

/**
 * Converts pixel counts at model resolution into areas of the original image: a region covering a
 * fraction f of the model pixels covers f times the original pixel count, and each original pixel
 * covers the area given by its spacing, when known.
 */
final class AreaScale {

    private final int modelPixels;
    private final OriginalImage original;

    AreaScale(int modelPixels, OriginalImage original) {
        this.modelPixels = modelPixels;
        this.original = original;
    }

    /** Share of the model pixels covered by {@code modelPixelCount} pixels. */
    double fraction(int modelPixelCount) {
        return (double) modelPixelCount / modelPixels;
    }

    /** Area, in original pixels, of a region of {@code modelPixelCount} model pixels. */
    double originalPixels(int modelPixelCount) {
        return fraction(modelPixelCount) * original.pixelCount();
    }

    /** Area in mm² of a region of {@code originalPixels} original pixels, or {@code null} when the spacing is unknown. */
    Double squareMillimetres(double originalPixels) {
        PixelSize spacing = original.spacing();
        return spacing == null ? null : originalPixels * spacing.pixelAreaMm2();
    }
}
