package io.flowseg.service;

/** An input event that must go to the dead-letter topic, with its reason and a message for people. */
public final class StudyRejectedException extends Exception {
    private final RejectReason reason;

    public StudyRejectedException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StudyRejectedException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
