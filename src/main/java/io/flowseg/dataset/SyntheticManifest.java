package io.flowseg.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code ./flowseg synth} wrote, kept beside the cases as {@value #FILE_NAME}: enough to
 * rebuild the scene behind every case folder, and so to draw more masks from its rater process.
 *
 * @param preset the {@link SyntheticPreset} id; manifests written before presets existed read as {@code classic}
 * @param seed generator seed
 * @param size image side in pixels
 * @param raters raters written per case
 * @param cases cases written
 * @param sceneOfCase case folder name to scene index, for {@link SyntheticGenerator#scene(long, int)}
 */
public record SyntheticManifest(String preset, long seed, int size, int raters, int cases, Map<String, Integer> sceneOfCase) {
    public static final String FILE_NAME = "synthetic.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SyntheticManifest {
        preset = SyntheticPreset.parse(preset == null ? SyntheticPreset.CLASSIC.id() : preset).id();
        sceneOfCase = Collections.unmodifiableMap(new LinkedHashMap<>(sceneOfCase)); // keeps the folders' order
    }

    /** The manifest of {@link SyntheticGenerator#cases(int, int, long)} of this preset and size. */
    public static SyntheticManifest of(SyntheticPreset preset, int size, int cases, int raters, long seed) {
        Map<String, Integer> sceneOfCase = new LinkedHashMap<>();
        for (int i = 0; i < cases; i++) {
            sceneOfCase.put(SyntheticGenerator.caseId(i), i);
        }
        return new SyntheticManifest(preset.id(), seed, size, raters, cases, sceneOfCase);
    }

    public void write(Path folder) throws IOException {
        JSON.writeValue(folder.resolve(FILE_NAME).toFile(), this);
    }

    /** Reads {@value #FILE_NAME} from a folder written by {@code ./flowseg synth}. */
    public static SyntheticManifest read(Path folder) throws IOException {
        return JSON.readValue(folder.resolve(FILE_NAME).toFile(), SyntheticManifest.class);
    }

    /** The scene behind a case folder. */
    public SyntheticScene scene(String caseId) {
        Integer index = sceneOfCase.get(caseId);
        if (index == null) {
            throw new IllegalArgumentException("case " + caseId + " is not one of the " + cases
                    + " synthetic cases in " + FILE_NAME);
        }
        return new SyntheticGenerator(size, SyntheticPreset.parse(preset)).scene(seed, index);
    }
}
