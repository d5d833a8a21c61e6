package io.flowseg.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary body. */
final class WireFormat {

    static final int HEADER_LENGTH = 5;
    private static final byte MAGIC_BYTE = 0;

    private WireFormat() {
    }

    static ByteArrayOutputStream withHeader(int schemaId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
        return out;
    }

    /** @throws EventDecodingException with {@link DecodingFailure#UNDECODABLE_EVENT} when the header is missing or wrong */
    static int schemaId(byte[] event) {
        if (event == null) {
            throw new EventDecodingException(DecodingFailure.UNDECODABLE_EVENT, "the event has no bytes (null)");
        }
        if (event.length < HEADER_LENGTH) {
            throw new EventDecodingException(DecodingFailure.UNDECODABLE_EVENT, "the event has " + event.length
                    + " bytes, fewer than the " + HEADER_LENGTH + "-byte header of Confluent's wire format");
        }
        if (event[0] != MAGIC_BYTE) {
            throw new EventDecodingException(DecodingFailure.UNDECODABLE_EVENT, "the event's first byte is "
                    + (event[0] & 0xff) + ", not the magic byte 0 of Confluent's wire format");
        }
        return ByteBuffer.wrap(event, 1, Integer.BYTES).getInt();
    }
}
