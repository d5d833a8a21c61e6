package io.flowseg.imaging;

import java.util.Objects;

/**
 * Thrown when an input image cannot be processed. Carries a machine-readable {@link RejectionReason}
 * next to a human-readable message; messages describe only the image's technical properties.
 */
public final class ImageRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public ImageRejectedException(RejectionReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ImageRejectedException(RejectionReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectionReason reason() {
        return reason;
    }
}
