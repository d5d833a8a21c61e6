package io.flowseg.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chooses the widest instruction-set cap whose kernels give the known answers ({@link KernelCheck}),
 * stepping down from {@link InstructionSet#ALL} until one passes. Each cap has to be tried in a
 * process of its own, since libtorch reads the cap once when it loads: {@link KernelCheckProcess}.
 */
public final class InstructionSetProbe {

    /** Runs the known-answer check under one cap. */
    @FunctionalInterface
    public interface LevelCheck {
        Outcome check(InstructionSet level);
    }

    /** One check's result: passed or not, and what it saw. */
    public record Outcome(boolean passed, String detail) {
    }

    public record Attempt(InstructionSet level, Outcome outcome) {
    }

    /**
     * The cap chosen and every attempt that led to it. When no cap passed, the narrowest is chosen
     * anyway and {@link #verified()} is false: the engine's own checks (NaN in a sample) then speak.
     */
    public record Choice(InstructionSet level, List<Attempt> attempts) {
        public boolean verified() {
            return attempts.stream().anyMatch(attempt -> attempt.level() == level && attempt.outcome().passed());
        }

        /** One line: every cap tried and its verdict, the failures' reasons included. */
        public String describe() {
            return attempts.stream()
                    .map(attempt -> attempt.level().oneDnnCap() + (attempt.outcome().passed() ? " passed"
                            : " failed (" + attempt.outcome().detail() + ")"))
                    .collect(Collectors.joining(", ")) + (verified() ? "" : "; no cap passed, " + level.oneDnnCap() + " used");
        }
    }

    private InstructionSetProbe() {
    }

    public static Choice choose(LevelCheck check) {
        List<Attempt> attempts = new ArrayList<>();
        for (InstructionSet level : InstructionSet.WIDEST_FIRST) {
            Outcome outcome = check.check(level);
            attempts.add(new Attempt(level, outcome));
            if (outcome.passed()) {
                return new Choice(level, List.copyOf(attempts));
            }
        }
        return new Choice(InstructionSet.SSE41, List.copyOf(attempts));
    }
}
