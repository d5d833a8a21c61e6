package io.flowseg.imaging;

import java.nio.ByteBuffer;

/** Sample type of a raw pixel buffer. Multi-byte types are little-endian. */
public enum SampleType {
    UINT8("uint8", 1) {
        @Override
        float read(ByteBuffer littleEndian, int byteIndex) {
            return Byte.toUnsignedInt(littleEndian.get(byteIndex));
        }
    },
    UINT16("uint16", 2) {
        @Override
        float read(ByteBuffer littleEndian, int byteIndex) {
            return Short.toUnsignedInt(littleEndian.getShort(byteIndex));
        }
    },
    INT16("int16", 2) {
        @Override
        float read(ByteBuffer littleEndian, int byteIndex) {
            return littleEndian.getShort(byteIndex);
        }
    },
    FLOAT32("float32", 4) {
        @Override
        float read(ByteBuffer littleEndian, int byteIndex) {
            return littleEndian.getFloat(byteIndex);
        }
    };

    private final String label;
    private final int bytesPerSample;

    SampleType(String label, int bytesPerSample) {
        this.label = label;
        this.bytesPerSample = bytesPerSample;
    }

    /** Lower-case NumPy-style name, e.g. "uint16". */
    public String label() {
        return label;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Reads one sample at an absolute byte index of a buffer whose order is little-endian. */
    abstract float read(ByteBuffer littleEndian, int byteIndex);
}
