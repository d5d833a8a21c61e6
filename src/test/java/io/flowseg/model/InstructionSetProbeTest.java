package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionSetProbeTest {

    @Test
    void aFailingCheckStepsDownToTheWidestCapThatPasses() {
        List<InstructionSet> tried = new ArrayList<>();
        InstructionSetProbe.Choice choice = InstructionSetProbe.choose(level -> {
            tried.add(level);
            return switch (level) {
                case ALL, AVX512_CORE -> new InstructionSetProbe.Outcome(false, "3x3 convolution with zero weights: NaN at element 0");
                default -> new InstructionSetProbe.Outcome(true, "all kernels match");
            };
        });

        assertEquals(InstructionSet.AVX2, choice.level());
        assertEquals(List.of(InstructionSet.ALL, InstructionSet.AVX512_CORE, InstructionSet.AVX2), tried);
        assertTrue(choice.verified());
        assertEquals("ALL failed (3x3 convolution with zero weights: NaN at element 0), AVX512_CORE failed"
                + " (3x3 convolution with zero weights: NaN at element 0), AVX2 passed", choice.describe());
        assertEquals("avx2", choice.level().atenCapability());
    }

    @Test
    void soundKernelsKeepTheWidestCapAndAreCheckedOnce() {
        List<InstructionSet> tried = new ArrayList<>();
        InstructionSetProbe.Choice choice = InstructionSetProbe.choose(level -> {
            tried.add(level);
            return new InstructionSetProbe.Outcome(true, "all kernels match");
        });

        assertEquals(InstructionSet.ALL, choice.level());
        assertEquals(List.of(InstructionSet.ALL), tried);
        assertEquals(null, choice.level().atenCapability(), "ATen is left to pick its widest");
    }

    @Test
    void whenNoCapPassesTheNarrowestIsUsedAndSaidToBeUnverified() {
        InstructionSetProbe.Choice choice = InstructionSetProbe.choose(
                level -> new InstructionSetProbe.Outcome(false, "exit status 134"));

        assertEquals(InstructionSet.SSE41, choice.level());
        assertFalse(choice.verified());
        assertEquals(4, choice.attempts().size());
        assertTrue(choice.describe().endsWith("SSE41 failed (exit status 134); no cap passed, SSE41 used"), choice.describe());
    }
}
