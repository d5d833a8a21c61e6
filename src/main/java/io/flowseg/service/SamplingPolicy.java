package io.flowseg.service;

import io.flowseg.engine.SamplingSettings;
import io.flowseg.events.SamplingRequest;
import io.flowseg.sampling.OdeSolver;

/**
 * The service's sampling defaults and the limits a request must stay within. A value outside the
 * limits rejects the study with its reason; it is never clamped, so a result always reflects the
 * settings its requester asked for.
 *
 * @param defaults    used for every setting a request leaves null (the seed default: from the study id)
 * @param maxSamples  largest M
 * @param maxSteps    largest N
 * @param minGuidance smallest w
 * @param maxGuidance largest w
 */
public record SamplingPolicy(SamplingSettings defaults, int maxSamples, int maxSteps, float minGuidance,
                             float maxGuidance) {

    public SamplingPolicy {
        if (maxSamples < 1 || maxSteps < 1 || !(minGuidance <= maxGuidance)) {
            throw new IllegalArgumentException("sampling limits must allow at least one sample and one step, "
                    + "and min guidance must not exceed max guidance");
        }
    }

    /** The settings of one request: its own where set, the defaults elsewhere. */
    public SamplingSettings resolve(SamplingRequest request) throws StudyRejectedException {
        if (request == null) {
            return defaults;
        }
        int samples = request.getSamples() != null ? request.getSamples() : defaults.samples();
        float guidance = request.getGuidance() != null ? request.getGuidance() : defaults.guidance();
        int steps = request.getSteps() != null ? request.getSteps() : defaults.steps();
        OdeSolver solver = defaults.solver();
        if (request.getSolver() != null) {
            try {
                solver = OdeSolver.parse(request.getSolver());
            } catch (IllegalArgumentException e) {
                throw new StudyRejectedException(RejectReason.UNKNOWN_SOLVER, e.getMessage());
            }
        }
        requireWithin("samples M", samples, 1, maxSamples);
        requireWithin("steps N", steps, 1, maxSteps);
        if (!(guidance >= minGuidance && guidance <= maxGuidance)) {
            throw new StudyRejectedException(RejectReason.SETTINGS_OUT_OF_BOUNDS,
                    "guidance w = " + guidance + " lies outside the allowed [" + minGuidance + ", " + maxGuidance + "]");
        }
        return new SamplingSettings(samples, guidance, steps, solver, request.getSeed());
    }

    private static void requireWithin(String name, int value, int min, int max) throws StudyRejectedException {
        if (value < min || value > max) {
            throw new StudyRejectedException(RejectReason.SETTINGS_OUT_OF_BOUNDS,
                    name + " = " + value + " lies outside the allowed [" + min + ", " + max + "]");
        }
    }
}
