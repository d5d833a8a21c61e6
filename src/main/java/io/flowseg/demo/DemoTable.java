package io.flowseg.demo;

import io.flowseg.events.SettingsUsed;
import java.io.PrintStream;
import java.util.Locale;

/** The live table: one row per study as its results arrive. */
final class DemoTable {
    private static final String FORMAT = "%-22s %4s %5s %6s %9s %10s %10s  %s%n";

    private final PrintStream out;

    DemoTable(PrintStream out) {
        this.out = out;
    }

    void header() {
        out.printf(Locale.ROOT, FORMAT, "study", "M", "w", "steps", "latency", "mean var", "var (fg)", "alert");
    }

    void row(StudyOutcome outcome) {
        String study = outcome.sent.getStudyId();
        if (outcome.rejected != null) {
            out.printf(Locale.ROOT, "%-22s rejected: %s (%s)%n", study, outcome.rejected.getReasonCode(),
                    outcome.rejected.getMessage());
            return;
        }
        SettingsUsed settings = outcome.uncertainty.getSettings();
        var summary = outcome.uncertainty.getSummary();
        out.printf(Locale.ROOT, FORMAT, study, settings.getSamples(), String.format(Locale.ROOT, "%.1f",
                        settings.getGuidance()), settings.getSteps(),
                outcome.uncertainty.getTimings().getEndToEndMs() + " ms",
                String.format(Locale.ROOT, "%.4f", summary.getMeanVariance()),
                String.format(Locale.ROOT, "%.4f", summary.getMeanVarianceForeground()),
                outcome.alerts.isEmpty() ? "-" : outcome.alerts.stream().map(a -> a.getSeverity() + " " + a.getPolicyId())
                        .collect(java.util.stream.Collectors.joining(", ")));
    }
}
