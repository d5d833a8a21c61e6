package io.flowseg.cli;

import io.flowseg.imaging.Npy;
import io.flowseg.imaging.NpyArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Initial noise x(0) given explicitly as a .npy file of shape [M,1,R,R] or [M,R,R]. */
record InitialNoise(float[][] samples) {

    /** Reads the file, or returns null when none was given. */
    static InitialNoise read(Path file, int resolution) throws IOException {
        if (file == null) {
            return null;
        }
        NpyArray array = Npy.read(file);
        int[] s = array.shape();
        boolean shaped = (s.length == 4 && s[1] == 1 && s[2] == resolution && s[3] == resolution)
                || (s.length == 3 && s[1] == resolution && s[2] == resolution);
        if (!shaped || s[0] < 1) {
            throw new IllegalArgumentException("--noise must have shape [M,1," + resolution + "," + resolution
                    + "] or [M," + resolution + "," + resolution + "], got " + Arrays.toString(s));
        }
        int pixels = resolution * resolution;
        float[][] samples = new float[s[0]][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Arrays.copyOfRange(array.data(), i * pixels, (i + 1) * pixels);
        }
        return new InitialNoise(samples);
    }
}
