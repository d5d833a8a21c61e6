package io.flowseg.wire;

import java.util.Objects;

/**
 * An event could not be decoded. Carries a stable {@link DecodingFailure} reason next to a
 * human-readable message, which describes the bytes (length, schema id) but never their content.
 */
public final class EventDecodingException extends RuntimeException {

    private final DecodingFailure reason;

    public EventDecodingException(DecodingFailure reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public EventDecodingException(DecodingFailure reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DecodingFailure reason() {
        return reason;
    }

    /** True for {@link DecodingFailure#REGISTRY_UNAVAILABLE}: retry the event later, do not dead-letter it. */
    public boolean isTransient() {
        return reason.isTransient();
    }
}
