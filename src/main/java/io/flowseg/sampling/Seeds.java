package io.flowseg.sampling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Seeds for requests that bring none, and the per-sample noise streams derived from a seed. */
public final class Seeds {
    private Seeds() {
    }

    /** A stable, non-negative seed from a study id: the first 64 bits of its SHA-256, sign bit cleared. */
    public static long forStudy(String studyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(studyId.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                seed = (seed << 8) | (digest[i] & 0xff);
            }
            return seed & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Standard normal noise for one sample. Each sample has its own stream (SplitMix64 of seed
     * and index), so a sample's noise does not depend on M or on how samples are batched.
     */
    public static float[] gaussianNoise(long seed, int sampleIndex, int length) {
        java.util.Random random = new java.util.Random(mix(seed + 0x9E3779B97F4A7C15L * (sampleIndex + 1L)));
        float[] noise = new float[length];
        for (int i = 0; i < length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        return noise;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
