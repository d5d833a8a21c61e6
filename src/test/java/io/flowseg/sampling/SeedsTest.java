package io.flowseg.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void studySeedIsPinned() {
        // SHA-256("study-1"), first 8 bytes big-endian, sign bit cleared; computed independently
        // with Python's hashlib. Changing it would change every stored study's samples.
        assertEquals(8538181636128848695L, Seeds.forStudy("study-1"));
        assertEquals(377233707712312662L, Seeds.forStudy("study-2"));
        assertEquals(7183457195969485844L, Seeds.forStudy(""));
        assertEquals(Seeds.forStudy("study-1"), Seeds.forStudy("study-1"));
    }

    @Test
    void studySeedsAreNonNegativeAndDistinct() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            long seed = Seeds.forStudy("study-" + i);
            assertTrue(seed >= 0, "negative seed for study-" + i);
            assertTrue(seen.add(seed), "collision at study-" + i);
        }
        assertNotEquals(Seeds.forStudy("Study-1"), Seeds.forStudy("study-1"));
    }

    @Test
    void noiseIsReproduciblePerSeedAndSample() {
        float[] a = Seeds.gaussianNoise(42L, 3, 1000);
        assertArrayEquals(a, Seeds.gaussianNoise(42L, 3, 1000));
        assertFalse(Arrays.equals(a, Seeds.gaussianNoise(43L, 3, 1000)), "seed changes the noise");
        assertFalse(Arrays.equals(a, Seeds.gaussianNoise(42L, 4, 1000)), "sample index changes the noise");
        // A longer draw extends a shorter one: the stream does not depend on the length.
        assertArrayEquals(a, Arrays.copyOf(Seeds.gaussianNoise(42L, 3, 4000), 1000));
    }

    @Test
    void neighbouringSeedsAndIndicesGiveUncorrelatedStreams() {
        // seed + 1 with index i must not reproduce seed with another index (the mix is not a plain shift).
        float[] base = Seeds.gaussianNoise(100L, 0, 4096);
        for (long seed = 99; seed <= 101; seed++) {
            for (int index = 0; index < 4; index++) {
                if (seed == 100L && index == 0) {
                    continue;
                }
                float[] other = Seeds.gaussianNoise(seed, index, 4096);
                assertTrue(Math.abs(correlation(base, other)) < 0.08, "seed " + seed + " index " + index);
            }
        }
    }

    @Test
    void noiseIsRoughlyStandardNormal() {
        float[] noise = Seeds.gaussianNoise(7L, 0, 10_000);
        double mean = 0;
        for (float v : noise) {
            mean += v;
        }
        mean /= noise.length;
        double variance = 0;
        int beyondTwo = 0;
        for (float v : noise) {
            variance += (v - mean) * (v - mean);
            if (Math.abs(v) > 2) {
                beyondTwo++;
            }
        }
        double std = Math.sqrt(variance / noise.length);
        // Standard errors over 10k draws: 0.01 for the mean, 0.007 for the std.
        assertEquals(0, mean, 0.04);
        assertEquals(1, std, 0.03);
        // P(|z| > 2) = 4.55 %
        assertEquals(0.0455, beyondTwo / (double) noise.length, 0.008);
    }

    @Test
    void samplerDrawsEachSamplesNoiseIndependentlyOfM() {
        int resolution = 8;
        int pixels = resolution * resolution;
        // Zero velocity: a sample is its decoded initial noise.
        TestFields.RecordingField zero = TestFields.pointwise(resolution, (t, x, p) -> 0);
        float[] image = TestFields.image(pixels, 0.5f);
        FlowSampler sampler = new FlowSampler(zero, 16);
        SampleSet two = sampler.sample(List.of(new SamplingJob("s", image, new SamplingSettings(2, 0f, 1, OdeSolver.EULER, 99L), null)),
                SamplingProgress.NONE).get(0);
        SampleSet five = sampler.sample(List.of(new SamplingJob("s", image, new SamplingSettings(5, 0.3f, 2, OdeSolver.HEUN, 99L), null)),
                SamplingProgress.NONE).get(0);
        for (int i = 0; i < 5; i++) {
            float[] expected = SamplingSession.decode(Seeds.gaussianNoise(99L, i, pixels));
            assertArrayEquals(expected, five.samples()[i], "sample " + i + " of 5");
            if (i < 2) {
                assertArrayEquals(expected, two.samples()[i], "sample " + i + " of 2");
            }
        }
        assertFalse(Arrays.equals(five.samples()[0], five.samples()[1]));
    }

    private static double correlation(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
