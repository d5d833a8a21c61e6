package io.flowseg.service;

import io.flowseg.events.SamplingRequest;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingPresets;
import io.flowseg.sampling.SamplingSettings;

/**
 * The service's sampling defaults and the limits a request must stay within. A value outside the
 * limits rejects the study with its reason; it is never clamped, so a result always reflects the
 * settings its requester asked for.
 *
 * @param defaults    used for every setting a request leaves null (the seed default: from the study id)
 * @param presets     the presets a request may name; its explicit steps and solver still override them
 * @param maxSamples  largest M
 * @param maxSteps    largest N
 * @param minGuidance smallest w
 * @param maxGuidance largest w
 */
public record SamplingPolicy(SamplingSettings defaults, SamplingPresets presets, int maxSamples, int maxSteps, float minGuidance,
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
        OdeSolver solver = null;
        if (request.getSolver() != null) {
            try {
                solver = OdeSolver.parse(request.getSolver());
            } catch (IllegalArgumentException e) {
                throw new StudyRejectedException(RejectReason.Service.UNKNOWN_SOLVER, e.getMessage());
            }
        }
        SamplingSettings base = defaults;
        if (request.getPreset() != null) {
            try {
                base = defaults.withPreset(presets.get(request.getPreset()));
            } catch (IllegalArgumentException e) {
                throw new StudyRejectedException(RejectReason.Service.UNKNOWN_PRESET, e.getMessage());
            }
        }
        SamplingSettings settings;
        try {
            settings = base.overriddenBy(request.getSamples(), request.getGuidance(), request.getSteps(), solver,
                    request.getSeed());
        } catch (IllegalArgumentException e) {
            throw new StudyRejectedException(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS, e.getMessage());
        }
        requireWithin("samples M", settings.samples(), 1, maxSamples);
        requireWithin("steps N", settings.steps(), 1, maxSteps);
        if (!(settings.guidance() >= minGuidance && settings.guidance() <= maxGuidance)) {
            throw new StudyRejectedException(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS, "guidance w = " + settings.guidance()
                    + " lies outside the allowed [" + minGuidance + ", " + maxGuidance + "]");
        }
        return settings;
    }

    private static void requireWithin(String name, int value, int min, int max) throws StudyRejectedException {
        if (value < min || value > max) {
            throw new StudyRejectedException(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS,
                    name + " = " + value + " lies outside the allowed [" + min + ", " + max + "]");
        }
    }
}
