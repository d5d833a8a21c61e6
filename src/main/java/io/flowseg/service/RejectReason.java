package io.flowseg.service;

import io.flowseg.imaging.RejectionReason;
import io.flowseg.wire.DecodingFailure;

/**
 * Why a study went to the dead-letter topic: the service's own reasons, or the image intake's
 * and the decoder's, carried as they are. The code (StudyRejected.reasonCode, the metrics' tag)
 * is the constant's name in each case.
 */
public sealed interface RejectReason permits RejectReason.Service, RejectReason.Image, RejectReason.Decoding {

    String code();

    /** A permanent decoding failure; a transient one is retried, never rejected. */
    static RejectReason of(DecodingFailure failure) {
        return new Decoding(failure);
    }

    static RejectReason of(RejectionReason imageReason) {
        return new Image(imageReason);
    }

    /** What the service itself finds wrong with an event. */
    enum Service implements RejectReason {
        /** The value is larger than the configured message limit; nothing was decoded. */
        MESSAGE_TOO_LARGE,
        /** A required id (study, series or instance) is blank. */
        MISSING_ID,
        /** The declared width, height or channels differ from the decoded PNG or JPEG. */
        DIMENSION_MISMATCH,
        /** M, w or N lies outside the configured limits. */
        SETTINGS_OUT_OF_BOUNDS,
        /** The requested solver is not one of euler, midpoint, heun, rk4, shortcut. */
        UNKNOWN_SOLVER,
        /** The requested sampling preset is not one of the service's {@code flowseg.sampling.presets}. */
        UNKNOWN_PRESET,
        /** The requested model is not the one this service runs. */
        UNKNOWN_MODEL,
        /** The engine failed on this study alone (the studies of a failing shared pass are sampled again one by one). */
        PROCESSING_FAILED,
        /** A result record is larger than the producer may send (kafka.max.request.size). */
        RESULT_TOO_LARGE;

        @Override
        public String code() {
            return name();
        }
    }

    /** The image intake refused the image. */
    record Image(RejectionReason reason) implements RejectReason {
        @Override
        public String code() {
            return reason.name();
        }
    }

    /** The event's bytes can never be read. */
    record Decoding(DecodingFailure failure) implements RejectReason {
        public Decoding {
            if (failure.isTransient()) {
                throw new IllegalArgumentException(failure + " is transient: the event is retried, not rejected");
            }
        }

        @Override
        public String code() {
            return failure.name();
        }
    }
}
