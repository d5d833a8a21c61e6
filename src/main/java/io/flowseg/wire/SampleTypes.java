package io.flowseg.wire;

import io.flowseg.events.PixelType;
import io.flowseg.imaging.SampleType;

/**
 * The contract's raw pixel types as the image decoder knows them. An exhaustive switch, so a type
 * added to the schema fails the build here rather than a lookup by name at run time.
 */
public final class SampleTypes {

    private SampleTypes() {
    }

    public static SampleType of(PixelType type) {
        return switch (type) {
            case UINT8 -> SampleType.UINT8;
            case UINT16 -> SampleType.UINT16;
            case INT16 -> SampleType.INT16;
            case FLOAT32 -> SampleType.FLOAT32;
        };
    }
}
