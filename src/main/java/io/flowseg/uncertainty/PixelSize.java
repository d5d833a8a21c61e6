package io.flowseg.uncertainty;

/**
 * Physical size of one pixel of the original image, in the DICOM PixelSize order.
 *
 * @param rowMm    distance between the centres of adjacent rows, in millimetres; finite and {@code > 0}
 * @param columnMm distance between the centres of adjacent columns, in millimetres; finite and {@code > 0}
 */
public record PixelSize(double rowMm, double columnMm) {

    public PixelSize {
        requirePositive("rowMm", rowMm);
        requirePositive("columnMm", columnMm);
    }

    /** Area covered by one pixel, in mm². */
    public double pixelAreaMm2() {
        return rowMm * columnMm;
    }

    private static void requirePositive(String name, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }
}
