package io.flowseg.wire;

/**
 * Why an event could not be decoded. The constant names are stable: they are reason codes on
 * dead-letter records, so rename none of them. Every reason but {@link #REGISTRY_UNAVAILABLE} is
 * the event's own fault and final; that one is the registry's and passes, so such an event must
 * be retried, never dead-lettered.
 */
public enum DecodingFailure {
    /** No Confluent wire format (null, shorter than its 5-byte header, magic byte not 0), or an Avro body that does not decode or leaves bytes over. */
    UNDECODABLE_EVENT(false),
    /** The registry has no schema with the event's schema id. */
    UNKNOWN_SCHEMA_ID(false),
    /** The event was written with a schema of another type (another record's full name, or not Avro), which the expected type cannot read. */
    WRONG_RECORD_TYPE(false),
    /** The registry could not be asked: unreachable after retries, or refusing this client (e.g. 401). */
    REGISTRY_UNAVAILABLE(true);

    private final boolean isTransient;

    DecodingFailure(boolean isTransient) {
        this.isTransient = isTransient;
    }

    /** True when the same event may decode later, so it must not be dead-lettered. */
    public boolean isTransient() {
        return isTransient;
    }
}
