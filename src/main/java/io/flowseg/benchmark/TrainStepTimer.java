package io.flowseg.benchmark;

import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.model.UNetConfig;
import io.flowseg.training.NetworkTrainer;
import io.flowseg.training.Objective;
import io.flowseg.training.TrainingSet;
import io.flowseg.training.TrainingSettings;

/** Times whole flow-matching training steps (batch drawn, forward, backward, AdamW, EMA) on synthetic data. */
public final class TrainStepTimer implements AutoCloseable {
    private static final int CASES = 64;
    private static final int RATERS = 4;

    private final NetworkTrainer trainer;

    public TrainStepTimer(UNetConfig config, int batch) {
        TrainingSettings settings = TrainingSettings.defaults(Integer.MAX_VALUE, batch, 0);
        TrainingSet data = TrainingSet.prepare(new SyntheticGenerator(config.resolution(), SyntheticPreset.CLASSIC).cases(CASES, RATERS, 0),
                config.imageChannels(), config.resolution(), settings.maskTarget());
        trainer = NetworkTrainer.start(config, data, Objective.FLOW_MATCHING, settings);
    }

    /** Milliseconds of each of {@code repeats} steps, after {@code warmup} untimed ones. */
    public double[] time(int warmup, int repeats) {
        run(warmup);
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            trainer.step();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** Runs {@code count} steps without timing them (for memory checks). */
    public void run(int count) {
        for (int i = 0; i < count; i++) {
            trainer.step();
        }
    }

    @Override
    public void close() {
        trainer.close();
    }
}
