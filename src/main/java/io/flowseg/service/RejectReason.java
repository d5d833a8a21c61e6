package io.flowseg.service;

import io.flowseg.imaging.RejectionReason;
import io.flowseg.wire.DecodingFailure;

/**
 * Why an input event went to the dead-letter topic. The names are the {@code reasonCode} of
 * StudyRejected records: stable, so rename none of them (README: dead letters).
 */
public enum RejectReason {
    /** The value is larger than the configured message limit; nothing was decoded. */
    MESSAGE_TOO_LARGE,
    /** The bytes are not Confluent wire format with a readable Avro body. */
    UNDECODABLE_EVENT,
    /** The registry knows no schema with the event's schema id. */
    UNKNOWN_SCHEMA_ID,
    /** The event was written with a schema of another record type than ImageStudy. */
    WRONG_RECORD_TYPE,
    /** A required id (study, series or instance) is blank. */
    MISSING_ID,
    /** The declared width, height or channels differ from the decoded PNG or JPEG. */
    DIMENSION_MISMATCH,
    /** M, w or N lies outside the configured limits. */
    SETTINGS_OUT_OF_BOUNDS,
    /** The requested solver is not one of euler, midpoint, heun, rk4. */
    UNKNOWN_SOLVER,
    /** The requested model is not the one this service runs. */
    UNKNOWN_MODEL,
    UNDECODABLE_IMAGE,
    BYTE_LENGTH_MISMATCH,
    NON_FINITE_PIXELS,
    CONSTANT_IMAGE,
    INVALID_DIMENSIONS,
    IMAGE_TOO_LARGE,
    UNSUPPORTED_CHANNELS,
    /** The engine failed on this study alone (after the rest of its batch was retried without it). */
    PROCESSING_FAILED,
    /** A result record is larger than the producer may send (kafka.max.request.size). */
    RESULT_TOO_LARGE;

    /** The decoder's permanent failures keep their names (a transient one is retried, never rejected). */
    public static RejectReason of(DecodingFailure failure) {
        if (failure.isTransient()) {
            throw new IllegalArgumentException(failure + " is transient: the event is retried, not rejected");
        }
        return valueOf(failure.name());
    }

    /** The image intake's reasons keep their names. */
    public static RejectReason of(RejectionReason imageReason) {
        return valueOf(imageReason.name());
    }
}
