package io.flowseg.training;

/**
 * How a rater mask, area-averaged to the model's resolution, becomes the flow's data point in
 * [-1, +1]. The area mean keeps the mask aligned with its image and keeps the area of lesions a
 * few pixels wide; the target either keeps that mean (soft) or binarises it.
 */
public enum MaskTarget {
    /** 2 x mean - 1: a pixel half covered by the lesion becomes 0, on the decoded mask's threshold. */
    SOFT("soft"),
    /** +1 where at least half the pixel was marked, -1 elsewhere. */
    BINARY("binary");

    private final String id;

    MaskTarget(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static MaskTarget parse(String text) {
        for (MaskTarget target : values()) {
            if (target.id.equalsIgnoreCase(text)) {
                return target;
            }
        }
        throw new IllegalArgumentException("unknown mask target '" + text + "' (soft, binary)");
    }

    /** The data point of a pixel whose area is {@code coverage} (0 to 1) foreground. */
    float of(float coverage) {
        return switch (this) {
            case SOFT -> 2 * coverage - 1;
            case BINARY -> coverage >= 0.5f ? 1f : -1f;
        };
    }
}
