package io.flowseg.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lowest validation GED a run has measured and the step it was measured at: the model a run
 * exports is the one with the best evidence, not simply its last. A resumed run reads its earlier
 * rows back from the log, so it never replaces a better model with a worse one.
 */
final class BestValidation {
    private long step = -1;
    private double ged = Double.POSITIVE_INFINITY;

    /** Takes a measurement; true when it is strictly better than every one before (NaN never is). */
    boolean offer(long atStep, double value) {
        if (!(value < ged)) {
            return false;
        }
        step = atStep;
        ged = value;
        return true;
    }

    boolean any() {
        return step >= 0;
    }

    long step() {
        return step;
    }

    double ged() {
        return ged;
    }

    /** The best row of a training log ({@link TrainingLog#HEADER}); none when the file is absent. */
    static BestValidation fromLog(Path log) throws IOException {
        BestValidation best = new BestValidation();
        if (!Files.exists(log)) {
            return best;
        }
        List<String> rows = Files.readAllLines(log);
        int gedColumn = List.of(TrainingLog.HEADER.split(",")).indexOf("validation_ged");
        for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            String[] cells = row.split(",", -1);
            if (cells.length > gedColumn && !cells[gedColumn].isEmpty()) {
                best.offer(Long.parseLong(cells[0]), Double.parseDouble(cells[gedColumn]));
            }
        }
        return best;
    }
}
