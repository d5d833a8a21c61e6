package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowseg.events.SamplingRequest;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingPreset;
import io.flowseg.sampling.SamplingPresets;
import io.flowseg.sampling.SamplingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplingPolicyTest {
    private static final SamplingPreset FAST = new SamplingPreset("fast", 4, OdeSolver.EULER);
    private static final SamplingPolicy POLICY = new SamplingPolicy(SamplingSettings.paper(),
            new SamplingPresets(List.of(FAST, SamplingPreset.paper())), 64, 500, 0f, 2f);

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
    void aNamedPresetSetsStepsAndSolverAndIsReported() throws StudyRejectedException {
        SamplingSettings settings = POLICY.resolve(SamplingRequest.newBuilder().setPreset("FAST").setSamples(6).build());

        assertEquals(new SamplingSettings(6, 0.3f, 4, OdeSolver.EULER, null, "fast"), settings);
        assertEquals("paper", POLICY.resolve(SamplingRequest.newBuilder().setSamples(6).build()).preset(),
                "no preset named: the default one");
    }

    @Test
    void explicitStepsOrSolverOverrideThePresetAndDropItsName() throws StudyRejectedException {
        assertEquals(new SamplingSettings(15, 0.3f, 8, OdeSolver.EULER, null),
                POLICY.resolve(SamplingRequest.newBuilder().setPreset("fast").setSteps(8).build()));
        assertEquals(new SamplingSettings(15, 0.3f, 4, OdeSolver.HEUN, null),
                POLICY.resolve(SamplingRequest.newBuilder().setPreset("fast").setSolver("heun").build()));
        assertEquals("fast", POLICY.resolve(SamplingRequest.newBuilder().setPreset("fast").setSteps(4).build()).preset(),
                "steps equal to the preset's keep its name");
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
        assertRejected(RejectReason.Service.UNKNOWN_PRESET, SamplingRequest.newBuilder().setPreset("turbo").build());
    }

    private static void assertRejected(RejectReason reason, SamplingRequest request) {
        StudyRejectedException e = assertThrows(StudyRejectedException.class, () -> POLICY.resolve(request));
        assertEquals(reason, e.reason());
    }
}
