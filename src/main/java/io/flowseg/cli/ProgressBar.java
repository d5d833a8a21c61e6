package io.flowseg.cli;

import io.flowseg.sampling.SamplingProgress;
import java.io.PrintStream;

/** A one-line progress bar with rate and time left, redrawn in place on stderr. */
final class ProgressBar implements SamplingProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final String unit;
    private final long start = System.nanoTime();
    /** Work already done when the bar started (a resumed run), left out of the rate. */
    private long startedAt = -1;

    ProgressBar(PrintStream out, String label) {
        this(out, label, "evaluations");
    }

    ProgressBar(PrintStream out, String label, String unit) {
        this.out = out;
        this.label = label;
        this.unit = unit;
    }

    @Override
    public void update(long done, long total) {
        update(done, total, "");
    }

    /** Redraws the bar with a note after it (e.g. the current loss). */
    void update(long done, long total, String note) {
        if (startedAt < 0) {
            startedAt = done;
        }
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = seconds > 0 ? (done - startedAt) / seconds : 0;
        String left = rate > 0 ? formatDuration((total - done) / rate) : "?";
        out.printf("\r%s [%s%s] %3.0f%% %d/%d %s, %.2f/s, %s left %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), fraction * 100, done, total, unit, rate, left, note);
        if (done >= total) {
            out.printf("%n");
        }
        out.flush();
    }

    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
