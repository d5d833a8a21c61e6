package io.flowseg.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Order of accuracy of each solver, measured end to end through {@link FlowSampler} on
 * dx/dt = 3 x sin(3t), whose solution is x(t) = x0 exp(1 - cos 3t). With x0 in [-0.12, 0.12]
 * the end state stays inside [-0.88, 0.88] (x(1) = 7.32 x0), so the decoded sample
 * clamp(x / 2 + 0.5) is never clamped and 2 d - 1 recovers x(1) to about 1e-7.
 */
class SolverOrderTest {
    private static final int RESOLUTION = 16;
    private static final int PIXELS = RESOLUTION * RESOLUTION;
    private static final double GROWTH = Math.exp(1 - Math.cos(3));

    private static float[] startingPoints() {
        float[] x0 = new float[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            x0[p] = (float) (-0.12 + 0.24 * p / (PIXELS - 1));
        }
        return x0;
    }

    /** Max over pixels of |x_N(1) - x(1)|, read back from the decoded sample. */
    static double maxError(OdeSolver solver, int steps) {
        float[] x0 = startingPoints();
        TestFields.RecordingField field = TestFields.pointwise(RESOLUTION,
                (t, x, pixel) -> 3 * x * Math.sin(3 * t));
        SamplingJob request = new SamplingJob("order", TestFields.image(PIXELS, 0.5f), new SamplingSettings(1, 0f, steps,
                solver, 0L), new float[][] {x0});
        SampleSet set = new FlowSampler(field, 4).sample(List.of(request), SamplingProgress.NONE).get(0);
        assertEquals((long) steps * solver.stages(), field.calls.size(), "one evaluation per stage and step");
        float[] decoded = set.samples()[0];
        double worst = 0;
        for (int p = 0; p < PIXELS; p++) {
            assertTrue(decoded[p] > 0f && decoded[p] < 1f, "decoded value clamped: " + decoded[p]);
            double exact = x0[p] * GROWTH;
            worst = Math.max(worst, Math.abs(TestFields.undecode(decoded[p]) - exact));
        }
        return worst;
    }

    /** Error ratios e(N) / e(2N) over successive N, each asserted inside [low, high]. */
    private static List<Double> assertRatios(OdeSolver solver, int[] steps, double low, double high) {
        double[] errors = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            errors[i] = maxError(solver, steps[i]);
        }
        List<Double> ratios = new ArrayList<>();
        StringBuilder report = new StringBuilder(solver.id() + ":");
        for (int i = 0; i + 1 < steps.length; i++) {
            assertEquals(2 * steps[i], steps[i + 1], "steps must double");
            double ratio = errors[i] / errors[i + 1];
            ratios.add(ratio);
            report.append(String.format(Locale.ROOT, " N=%d e=%.3e (e(N)/e(2N)=%.3f)", steps[i], errors[i], ratio));
        }
        report.append(String.format(Locale.ROOT, " N=%d e=%.3e", steps[steps.length - 1], errors[steps.length - 1]));
        System.out.println(report);
        for (double ratio : ratios) {
            assertTrue(ratio >= low && ratio <= high,
                    () -> report + " -> ratio outside [" + low + ", " + high + "]");
        }
        return ratios;
    }

    @Test
    void eulerIsFirstOrder() {
        assertRatios(OdeSolver.EULER, new int[] {8, 16, 32, 64}, 1.7, 2.3);
    }

    @Test
    void midpointIsSecondOrder() {
        assertRatios(OdeSolver.MIDPOINT, new int[] {8, 16, 32, 64}, 3.4, 4.6);
    }

    @Test
    void heunIsSecondOrder() {
        assertRatios(OdeSolver.HEUN, new int[] {8, 16, 32, 64}, 3.4, 4.6);
    }

    @Test
    void rk4IsFourthOrder() {
        // The error at N = 16 is still ~1e-5, two orders above the float32 state's round-off.
        assertRatios(OdeSolver.RK4, new int[] {4, 8, 16}, 13, 19);
    }

    /**
     * One step of h = 1 on dx/dt = x multiplies x by the solver's stability polynomial, the
     * Taylor series of e truncated at its order: 2, 2.5, 2.5 and 1 + 1 + 1/2 + 1/6 + 1/24.
     * This pins the a and b coefficients of each tableau exactly.
     */
    @ParameterizedTest
    @EnumSource(OdeSolver.class)
    void oneStepOnLinearFieldIsTheTruncatedExponential(OdeSolver solver) {
        double factor = switch (solver) {
            case EULER, SHORTCUT -> 2; // shortcut steps are Euler steps that tell the field h
            case MIDPOINT, HEUN -> 2.5;
            case RK4 -> 1 + 1 + 0.5 + 1 / 6.0 + 1 / 24.0;
        };
        float[] x0 = new float[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            x0[p] = (float) (-0.3 + 0.6 * p / (PIXELS - 1));
        }
        TestFields.RecordingField field = TestFields.pointwise(RESOLUTION, (t, x, pixel) -> x);
        for (int steps : new int[] {1, 2}) {
            SamplingJob request = new SamplingJob("linear", TestFields.image(PIXELS, 0.5f), new SamplingSettings(1, 0f, steps,
                    solver, 0L), new float[][] {x0});
            float[] decoded = new FlowSampler(field, 2).sample(List.of(request), SamplingProgress.NONE).get(0)
                    .samples()[0];
            double perStep = stabilityPolynomial(factor, solver, steps);
            for (int p = 0; p < PIXELS; p++) {
                assertEquals(x0[p] * perStep, TestFields.undecode(decoded[p]), 3e-7,
                        solver + " steps=" + steps + " pixel " + p);
            }
        }
    }

    private static double stabilityPolynomial(double atOne, OdeSolver solver, int steps) {
        if (steps == 1) {
            return atOne;
        }
        double z = 1.0 / steps;
        double r = switch (solver) {
            case EULER, SHORTCUT -> 1 + z;
            case MIDPOINT, HEUN -> 1 + z + z * z / 2;
            case RK4 -> 1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24;
        };
        return Math.pow(r, steps);
    }

    /**
     * Quadrature exactness pins the nodes c: Euler integrates constants exactly, midpoint and
     * Heun straight lines, RK4 (Simpson's rule) cubics; each fails on the next degree.
     */
    @ParameterizedTest
    @EnumSource(OdeSolver.class)
    void integratesPolynomialsInTimeUpToItsOrder(OdeSolver solver) {
        int exactDegree = switch (solver) {
            case EULER, SHORTCUT -> 0;
            case MIDPOINT, HEUN -> 1;
            case RK4 -> 3;
        };
        for (int degree = 0; degree <= exactDegree + 1; degree++) {
            int k = degree;
            // dx/dt = 0.4 (k + 1) t^k integrates to 0.4 over [0, 1].
            TestFields.RecordingField field = TestFields.pointwise(RESOLUTION,
                    (t, x, pixel) -> 0.4 * (k + 1) * Math.pow(t, k));
            float[] x0 = new float[PIXELS];
            java.util.Arrays.fill(x0, -0.2f);
            SamplingJob request = new SamplingJob("poly", TestFields.image(PIXELS, 0.5f), new SamplingSettings(1, 0f, 1,
                    solver, 0L), new float[][] {x0});
            float[] decoded = new FlowSampler(field, 2).sample(List.of(request), SamplingProgress.NONE).get(0)
                    .samples()[0];
            double error = Math.abs(TestFields.undecode(decoded[0]) - 0.2);
            if (degree <= exactDegree) {
                assertTrue(error < 3e-7, solver + " should integrate t^" + k + " exactly, error " + error);
            } else {
                assertTrue(error > 1e-3, solver + " should not integrate t^" + k + " exactly, error " + error);
            }
        }
    }
}
