package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelCheckTest {

    @Test
    void theEnginesKernelsGiveTheKnownAnswers() {
        KernelCheck.Verdict verdict = KernelCheck.run();

        assertTrue(verdict.passed(), verdict.describe());
        assertTrue(verdict.worstError() < 1e-4, verdict.describe());
    }

    @Test
    void aNanFailsTheCheckAndNamesTheKernel() {
        KernelCheck check = new KernelCheck();
        check.compare("3x3 convolution with zero weights", new float[] {0, Float.NaN, 0}, new float[3]);

        KernelCheck.Verdict verdict = check.verdict();
        assertFalse(verdict.passed());
        assertEquals(1, verdict.failures().size());
        assertTrue(verdict.describe().startsWith("3x3 convolution with zero weights: NaN at element 1"), verdict.describe());
    }

    @Test
    void aWrongValueFailsAndAFloatRoundingErrorDoesNot() {
        KernelCheck check = new KernelCheck();
        check.compare("layer norm", new float[] {1.00001f, -2f}, new float[] {1f, -2f});
        assertTrue(check.verdict().passed(), check.verdict().describe());

        // A batch row that differs from the same row alone by 0.28, as oneDNN's AVX-512 kernels did on one EPYC.
        check.compare("3x3 convolution, a row alone against the same row in its batch", new float[] {1.28f, -2f},
                new float[] {1f, -2f});
        KernelCheck.Verdict verdict = check.verdict();
        assertFalse(verdict.passed());
        assertTrue(verdict.describe().contains("error 0.140 relative to the largest value"), verdict.describe());
    }
}
