package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowseg.events.SamplingRequest;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingSettings;
import org.junit.jupiter.api.Test;

class SamplingPolicyTest {
    private static final SamplingPolicy POLICY = new SamplingPolicy(SamplingSettings.paper(), 64, 500, 0f, 2f);

    @Test
    void noRequestTakesEveryDefault() throws StudyRejectedException {
        assertEquals(SamplingSettings.paper(), POLICY.resolve(null));
    }

    @Test
    void setFieldsOverrideAndTheRestDefault() throws StudyRejectedException {
        SamplingRequest request = SamplingRequest.newBuilder().setSamples(4).setSolver("RK4").setSeed(9L).build();

        assertEquals(new SamplingSettings(4, 0.3f, 100, OdeSolver.RK4, 9L), POLICY.resolve(request));
    }

    @Test
    void limitsAreInclusive() throws StudyRejectedException {
        SamplingRequest atLimits = SamplingRequest.newBuilder().setSamples(64).setSteps(500).setGuidance(2f).build();

        assertEquals(new SamplingSettings(64, 2f, 500, OdeSolver.MIDPOINT, null), POLICY.resolve(atLimits));
    }

    @Test
    void valuesOutsideTheLimitsAreRejectedNotClamped() {
        assertRejected(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS, SamplingRequest.newBuilder().setSamples(65).build());
        assertRejected(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS, SamplingRequest.newBuilder().setSamples(0).build());
        assertRejected(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS, SamplingRequest.newBuilder().setSteps(501).build());
        assertRejected(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS, SamplingRequest.newBuilder().setGuidance(2.5f).build());
        assertRejected(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS,
                SamplingRequest.newBuilder().setGuidance(Float.NaN).build());
        assertRejected(RejectReason.Service.UNKNOWN_SOLVER, SamplingRequest.newBuilder().setSolver("dopri5").build());
    }

    private static void assertRejected(RejectReason reason, SamplingRequest request) {
        StudyRejectedException e = assertThrows(StudyRejectedException.class, () -> POLICY.resolve(request));
        assertEquals(reason, e.reason());
    }
}
