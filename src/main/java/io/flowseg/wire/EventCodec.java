package io.flowseg.wire;

import io.flowseg.events.ImageStudy;
import org.apache.avro.specific.SpecificRecord;

/** The wire format of the topics: how study events are read and result events written. */
public interface EventCodec {

    /**
     * @throws EventDecodingException for bytes that can never be read (they go to the dead-letter topic)
     * @throws TransientCodecException when the schema registry cannot be reached (the event is retried)
     */
    ImageStudy decodeStudy(byte[] value);

    byte[] encodeKey(String topic, String studyId);

    byte[] encodeValue(String topic, SpecificRecord record);

    /** The registry was unreachable: retry the event later, never dead-letter it. */
    final class TransientCodecException extends RuntimeException {
        public TransientCodecException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
