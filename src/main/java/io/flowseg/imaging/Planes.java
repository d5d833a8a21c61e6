package io.flowseg.imaging;

/** Argument checks shared by the classes that take a single row-major plane with its size. */
final class Planes {

    private Planes() {
    }

    static void requireSize(int length, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("plane size must be positive, got " + width + "x" + height);
        }
        if (length != (long) width * height) {
            throw new IllegalArgumentException(
                    "plane of " + width + "x" + height + " needs " + (long) width * height + " values, got " + length);
        }
    }
}
