package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.imaging.RejectionReason;
import io.flowseg.wire.DecodingFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectReasonTest {

    @Test
    void imageAndDecodingReasonsKeepTheirNamesAsReasonCodes() {
        for (RejectionReason imageReason : RejectionReason.values()) {
            assertEquals(imageReason.name(), RejectReason.of(imageReason).code());
        }
        for (DecodingFailure failure : DecodingFailure.values()) {
            if (!failure.isTransient()) {
                assertEquals(failure.name(), RejectReason.of(failure).code());
            }
        }
    }

    @Test
    void transientDecodingFailureIsNeverAReason() {
        assertThrows(IllegalArgumentException.class, () -> RejectReason.of(DecodingFailure.REGISTRY_UNAVAILABLE));
    }

    @Test
    void everyReasonCodeNamesOneReason() {
        List<String> codes = new ArrayList<>();
        for (RejectReason.Service reason : RejectReason.Service.values()) {
            codes.add(reason.code());
        }
        for (RejectionReason reason : RejectionReason.values()) {
            codes.add(RejectReason.of(reason).code());
        }
        for (DecodingFailure failure : DecodingFailure.values()) {
            if (!failure.isTransient()) {
                codes.add(RejectReason.of(failure).code());
            }
        }
        assertTrue(codes.size() == new HashSet<>(codes).size(), "reason codes repeat: " + codes);
    }
}
