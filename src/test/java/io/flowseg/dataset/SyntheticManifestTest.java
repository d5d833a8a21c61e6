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
        SyntheticManifest written = SyntheticManifest.of(SyntheticPreset.CLASSIC, 32, 3, 2, 7);
        written.write(dir);
        SyntheticManifest read = SyntheticManifest.read(dir);
        assertEquals(written, read);
        assertEquals(List.of("synth-00000", "synth-00001", "synth-00002"), List.copyOf(read.sceneOfCase().keySet()));

        List<MultiRaterCase> cases = new SyntheticGenerator(32, SyntheticPreset.CLASSIC).cases(3, 2, 7);
        for (MultiRaterCase c : cases) {
            assertArrayEquals(c.image().pixels(), read.scene(c.id()).image().pixels(), c.id());
        }
    }

    @Test
    void recordsItsPresetAndReadsManifestsWithoutOneAsClassic() throws IOException {
        SyntheticManifest lidc = SyntheticManifest.of(SyntheticPreset.LIDC, 64, 2, 2, 3);
        lidc.write(dir);
        SyntheticManifest read = SyntheticManifest.read(dir);
        assertEquals("lidc", read.preset());
        MultiRaterCase second = new SyntheticGenerator(64, SyntheticPreset.LIDC).cases(2, 2, 3).get(1);
        assertArrayEquals(second.image().pixels(), read.scene(second.id()).image().pixels());

        java.nio.file.Files.writeString(dir.resolve(SyntheticManifest.FILE_NAME),
                "{\"seed\":7,\"size\":32,\"raters\":2,\"cases\":1,\"sceneOfCase\":{\"synth-00000\":0}}");
        SyntheticManifest old = SyntheticManifest.read(dir);
        assertEquals("classic", old.preset());
        assertArrayEquals(new SyntheticGenerator(32, SyntheticPreset.CLASSIC).cases(1, 2, 7).get(0).image().pixels(),
                old.scene("synth-00000").image().pixels());
    }

    @Test
    void aCaseOutsideTheManifestIsAnError() {
        SyntheticManifest manifest = SyntheticManifest.of(SyntheticPreset.CLASSIC, 32, 2, 2, 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> manifest.scene("synth-00005"));
        assertEquals("case synth-00005 is not one of the 2 synthetic cases in synthetic.json", e.getMessage());
    }
}
