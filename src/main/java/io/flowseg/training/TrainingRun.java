package io.flowseg.training;

import io.flowseg.benchmark.ProcessMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Drives a trainer to the end of its run: logs the mean loss every {@code logEvery} steps,
 * measures validation GED with the averaged weights every {@code validateEvery} steps, writes a
 * checkpoint every {@code checkpointEvery} steps and at the end, then exports the averaged
 * weights as the run's model. Files in the output folder: {@value #MODEL}, {@value #CHECKPOINT},
 * {@value #LOG}.
 */
public final class TrainingRun {
    public static final String MODEL = "model.flowseg";
    public static final String CHECKPOINT = "checkpoint.flowseg-train";
    public static final String LOG = "train-log.csv";

    /** How often the run logs, validates and checkpoints, in steps. */
    public record Schedule(int logEvery, int validateEvery, int checkpointEvery) {
        public Schedule {
            if (logEvery < 1 || validateEvery < 1 || checkpointEvery < 1) {
                throw new IllegalArgumentException("log, validation and checkpoint intervals must be at least 1 step");
            }
        }
    }

    /** Told after every step. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param loggedLoss    mean loss of the last logged interval, NaN before the first
         * @param validationGed the last validation GED, null before the first
         */
        void step(long done, long total, double loggedLoss, Double validationGed);
    }

    private final NetworkTrainer trainer;
    private final Schedule schedule;
    private final ValidationGed validation;
    private final Path out;

    /** @param validation held-out GED, or null to train without validation */
    public TrainingRun(NetworkTrainer trainer, Schedule schedule, ValidationGed validation, Path out) {
        this.trainer = trainer;
        this.schedule = schedule;
        this.validation = validation;
        this.out = out;
    }

    /** Trains to the run's last step and returns the exported model file. */
    public Path run(Progress progress, String version) throws IOException {
        Files.createDirectories(out);
        boolean resumed = trainer.completedSteps() > 0;
        long total = trainer.settings().steps();
        long start = System.nanoTime();
        double lastLoss = Double.NaN;
        Double lastGed = null;
        try (TrainingLog log = TrainingLog.open(out.resolve(LOG), resumed)) {
            double lossSum = 0;
            int lossCount = 0;
            long intervalStart = System.nanoTime();
            while (!trainer.finished()) {
                lossSum += trainer.step();
                lossCount++;
                long step = trainer.completedSteps();
                boolean last = trainer.finished();
                if (step % schedule.logEvery() == 0 || last) {
                    double stepsPerSecond = lossCount / ((System.nanoTime() - intervalStart) / 1e9);
                    Double ged = null;
                    if (validation != null && (step % schedule.validateEvery() == 0 || last)) {
                        ged = trainer.withAveragedWeights(() -> validation.measure(trainer.model(), trainer.objective()));
                        lastGed = ged;
                    }
                    lastLoss = lossSum / lossCount;
                    log.row(step, lastLoss, stepsPerSecond, ProcessMemory.rssMiB(), ged,
                            (System.nanoTime() - start) / 1e9);
                    lossSum = 0;
                    lossCount = 0;
                    intervalStart = System.nanoTime();
                }
                progress.step(step, total, lastLoss, lastGed);
                if (step % schedule.checkpointEvery() == 0 || last) {
                    trainer.saveCheckpoint(out.resolve(CHECKPOINT));
                }
            }
        }
        Path model = out.resolve(MODEL);
        trainer.exportAverage(model, version);
        return model;
    }
}
