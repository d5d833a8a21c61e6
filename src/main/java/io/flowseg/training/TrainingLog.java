package io.flowseg.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The run's CSV log: one row per logging interval with the mean loss over it, the learning rate of
 * its last step, speed, resident memory, and the validation GED when it was measured (empty
 * otherwise). A resumed run appends.
 */
final class TrainingLog implements AutoCloseable {
    static final String HEADER = "step,loss,learning_rate,steps_per_second,rss_mib,validation_ged,elapsed_seconds";

    private final BufferedWriter writer;

    private TrainingLog(BufferedWriter writer) {
        this.writer = writer;
    }

    static TrainingLog open(Path file, boolean append) throws IOException {
        boolean header = !append || !Files.exists(file) || Files.size(file) == 0;
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        TrainingLog log = new TrainingLog(writer);
        if (header) {
            log.line(HEADER);
        }
        return log;
    }

    void row(long step, double loss, double learningRate, double stepsPerSecond, double rssMiB, Double validationGed,
             double elapsed) throws IOException {
        line(String.format(Locale.ROOT, "%d,%.6f,%.3g,%.3f,%.0f,%s,%.1f", step, loss, learningRate, stepsPerSecond, rssMiB,
                validationGed == null ? "" : String.format(Locale.ROOT, "%.4f", validationGed), elapsed));
    }

    private void line(String text) throws IOException {
        writer.write(text);
        writer.newLine();
        writer.flush(); // a crashed run keeps every row written before it
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
