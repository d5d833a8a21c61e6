package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowseg.imaging.RejectionReason;
import org.junit.jupiter.api.Test;

class RejectReasonTest {

    @Test
    void everyImageRejectionKeepsItsNameAsReasonCode() {
        for (RejectionReason imageReason : RejectionReason.values()) {
            assertEquals(imageReason.name(), RejectReason.of(imageReason).name());
        }
    }
}
