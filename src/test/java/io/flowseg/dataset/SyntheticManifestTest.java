package io.flowseg.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticManifestTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndRebuildsTheSceneBehindEachCaseFolder() throws IOException {
        SyntheticManifest written = SyntheticManifest.of(32, 3, 2, 7);
        written.write(dir);
        SyntheticManifest read = SyntheticManifest.read(dir);
        assertEquals(written, read);
        assertEquals(List.of("synth-00000", "synth-00001", "synth-00002"), List.copyOf(read.sceneOfCase().keySet()));

        List<MultiRaterCase> cases = new SyntheticGenerator(32).cases(3, 2, 7);
        for (MultiRaterCase c : cases) {
            assertArrayEquals(c.image().pixels(), read.scene(c.id()).image().pixels(), c.id());
        }
    }

    @Test
    void aCaseOutsideTheManifestIsAnError() {
        SyntheticManifest manifest = SyntheticManifest.of(32, 2, 2, 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manifest.scene("synth-00005"));
        assertEquals("case synth-00005 is not one of the 2 synthetic cases in synthetic.json", e.getMessage());
    }
}
