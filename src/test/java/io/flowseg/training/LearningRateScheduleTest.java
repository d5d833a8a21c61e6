package io.flowseg.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void warmsUpLinearlyThenDecaysByCosineToItsFinalFraction() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3f, 10, 0.1f, 110);
        assertEquals(1e-4f, schedule.at(1), 1e-9f);
        assertEquals(5e-4f, schedule.at(5), 1e-9f);
        assertEquals(1e-3f, schedule.at(10), 1e-9f);
        // Half way through the decay: final + (1 - final) / 2 of the peak.
        assertEquals(1e-3f * (0.1f + 0.9f * 0.5f), schedule.at(60), 1e-8f);
        assertEquals(1e-4f, schedule.at(110), 1e-9f);
        assertEquals(1e-4f, schedule.at(500), 1e-9f, "past the end it stays at the final rate");
    }

    @Test
    void warmUpNeverTakesMoreThanHalfTheRun() {
        TrainingSettings settings = TrainingSettings.defaults(100, 4, 0);
        assertEquals(50, settings.schedule().warmupSteps());
        assertEquals(TrainingSettings.WARMUP_STEPS, TrainingSettings.defaults(10_000, 4, 0).schedule().warmupSteps());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0f, 10, 0.1f, 100));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3f, 10, 1.5f, 100));
    }

    @Test
    void theWeightAverageWarmsUpAsTheReferenceCodeDoes() {
        assertEquals(2f / 11f, WeightAverage.decayAt(0.999f, 1), 1e-7f);
        assertEquals(101f / 110f, WeightAverage.decayAt(0.999f, 100), 1e-7f);
        // (1 + n) / (10 + n) passes 0.999 at n = 8991.
        assertEquals(0.999f, WeightAverage.decayAt(0.999f, 9000), 1e-7f);
        assertEquals(0.9f, WeightAverage.decayAt(0.9f, 1000), 1e-7f);
    }
}
