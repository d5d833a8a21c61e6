package io.flowseg.wire;

import java.nio.ByteBuffer;

/** Avro hands {@code bytes} fields over as ByteBuffers; these are their contents as arrays. */
public final class AvroBytes {

    private AvroBytes() {
    }

    /** A copy of the buffer's remaining bytes; the buffer's position is left as it was. */
    public static byte[] copy(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
