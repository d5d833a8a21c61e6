package io.flowseg.cli;

import io.flowseg.sampling.SamplingProgress;
import java.io.PrintStream;

/** A one-line progress bar with rate and time left, redrawn in place on stderr. */
final class ProgressBar implements SamplingProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final long start = System.nanoTime();

    ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public void update(long done, long total) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String left = rate > 0 ? formatDuration((total - done) / rate) : "?";
        out.printf("\r%s [%s%s] %3.0f%% %d/%d evaluations, %.1f/s, %s left ", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), fraction * 100, done, total, rate, left);
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
