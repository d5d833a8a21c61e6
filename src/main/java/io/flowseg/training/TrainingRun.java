package io.flowseg.training;

import io.flowseg.engine.ProcessMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Drives a trainer to the end of its run: logs the mean loss every {@code logEvery} steps,
 * measures validation GED with the averaged weights every {@code validateEvery} steps, writes a
 * checkpoint every {@code checkpointEvery} steps and at the end. With validation, {@value #MODEL}
 * holds the averaged weights of the step with the best validation GED (rewritten whenever one
 * beats the rest) and {@value #LAST} those of the last step; without, {@value #MODEL} is the last.
 * With a time budget the run's length is planned from its measured speed and re-planned at every
 * log row (the learning-rate schedule stretches with it), and the run stops once the budget is spent.
 */
public final class TrainingRun {
    public static final String MODEL = "model.flowseg";
    public static final String LAST = "last.flowseg";
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

    /**
     * What a run did.
     *
     * @param model          the model file to use ({@value #MODEL})
     * @param steps          steps completed
     * @param bestStep       step of the best validation GED, or -1 without validation
     * @param bestGed        that GED, or NaN
     * @param budgetSpent    whether the time budget stopped the run
     */
    public record Outcome(Path model, long steps, long bestStep, double bestGed, boolean budgetSpent) {
    }

    private final NetworkTrainer trainer;
    private final Schedule schedule;
    private final ValidationGed validation;
    private final Path out;
    private final Duration budget;
    private final LongSupplier nanoClock;

    /**
     * @param validation held-out GED, or null to train without validation
     * @param budget     wall-clock time the run may take, or null to run its planned steps
     */
    public TrainingRun(NetworkTrainer trainer, Schedule schedule, ValidationGed validation, Path out, Duration budget) {
        this(trainer, schedule, validation, out, budget, System::nanoTime);
    }

    TrainingRun(NetworkTrainer trainer, Schedule schedule, ValidationGed validation, Path out, Duration budget,
                LongSupplier nanoClock) {
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            throw new IllegalArgumentException("the time budget must be positive, got " + budget);
        }
        this.trainer = trainer;
        this.schedule = schedule;
        this.validation = validation;
        this.out = out;
        this.budget = budget;
        this.nanoClock = nanoClock;
    }

    /** Trains to the run's last step (or until the budget is spent) and exports its models. */
    public Outcome run(Progress progress, String version) throws IOException {
        Files.createDirectories(out);
        boolean resumed = trainer.completedSteps() > 0;
        BestValidation best = resumed && Files.exists(out.resolve(MODEL))
                ? BestValidation.fromLog(out.resolve(LOG)) : new BestValidation();
        long start = nanoClock.getAsLong();
        long firstStep = trainer.completedSteps();
        double lastLoss = Double.NaN;
        Double lastGed = null;
        boolean budgetSpent = false;
        try (TrainingLog log = TrainingLog.open(out.resolve(LOG), resumed)) {
            double lossSum = 0;
            int lossCount = 0;
            long intervalStart = start;
            while (!trainer.finished() && !budgetSpent) {
                lossSum += trainer.step();
                lossCount++;
                long step = trainer.completedSteps();
                long now = nanoClock.getAsLong();
                budgetSpent = budget != null && now - start >= budget.toNanos();
                boolean last = trainer.finished() || budgetSpent;
                if (step % schedule.logEvery() == 0 || last) {
                    double stepsPerSecond = lossCount / Math.max(1e-9, (now - intervalStart) / 1e9);
                    Double ged = null;
                    if (validation != null && (step % schedule.validateEvery() == 0 || last)) {
                        ged = trainer.withAveragedWeights(() -> validation.measure(trainer.model(), trainer.objective()));
                        lastGed = ged;
                        if (best.offer(step, ged)) {
                            trainer.exportAverage(out.resolve(MODEL), version + "-step" + step);
                        }
                    }
                    lastLoss = lossSum / lossCount;
                    log.row(step, lastLoss, trainer.settings().schedule().at(step), stepsPerSecond,
                            ProcessMemory.rssMiB(), ged, (nanoClock.getAsLong() - start) / 1e9);
                    lossSum = 0;
                    lossCount = 0;
                    intervalStart = nanoClock.getAsLong();
                    if (budget != null && !last) {
                        replan(step - firstStep, intervalStart - start);
                    }
                }
                progress.step(step, trainer.settings().steps(), lastLoss, lastGed);
                if (step % schedule.checkpointEvery() == 0 || last) {
                    trainer.saveCheckpoint(out.resolve(CHECKPOINT));
                }
            }
        }
        Path model = out.resolve(MODEL);
        if (best.any()) {
            trainer.exportAverage(out.resolve(LAST), version + "-step" + trainer.completedSteps());
        } else {
            trainer.exportAverage(model, version);
        }
        return new Outcome(model, trainer.completedSteps(), best.any() ? best.step() : -1,
                best.any() ? best.ged() : Double.NaN, budgetSpent);
    }

    /** Plans the run's length as the steps done plus what the rest of the budget holds at the speed so far. */
    private void replan(long stepsThisRun, long elapsedNanos) {
        double stepsPerNano = stepsThisRun / (double) Math.max(1, elapsedNanos);
        long remaining = (long) ((budget.toNanos() - elapsedNanos) * stepsPerNano);
        trainer.replan((int) Math.min(Integer.MAX_VALUE, trainer.completedSteps() + Math.max(1, remaining)));
    }
}
