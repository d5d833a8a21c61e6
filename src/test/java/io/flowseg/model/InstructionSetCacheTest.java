package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstructionSetCacheTest {
    private static final List<String> NATIVES = List.of("ai.djl.pytorch.pytorch-native-cpu-2.5.1-linux-x86_64.jar");
    private static final String CPU = """
            processor	: 0
            vendor_id	: AuthenticAMD
            cpu family	: 26
            model		: 2
            model name	: AMD EPYC
            cpu MHz		: 2600.000
            flags		: fpu sse4_1 avx2 avx512f
            
            processor	: 1
            vendor_id	: AuthenticAMD
            cpu MHz		: 2601.000
            """;

    @TempDir
    Path folder;

    @Test
    void theFingerprintFollowsWhatTheKernelsDependOnAndNothingElse() {
        String fingerprint = InstructionSetCache.fingerprint(CPU, NATIVES);

        assertEquals(fingerprint, InstructionSetCache.fingerprint(CPU.replace("2600.000", "3100.000"), NATIVES),
                "the clock speed changes by the second");
        assertEquals(fingerprint, InstructionSetCache.fingerprint(CPU.replace("2601.000", "1.000"), NATIVES),
                "only the first processor counts");
        assertNotEquals(fingerprint, InstructionSetCache.fingerprint(CPU.replace(" avx512f", ""), NATIVES));
        assertNotEquals(fingerprint, InstructionSetCache.fingerprint(CPU.replace("EPYC", "Xeon"), NATIVES));
        assertNotEquals(fingerprint, InstructionSetCache.fingerprint(CPU,
                List.of("ai.djl.pytorch.pytorch-native-cpu-2.7.1-linux-x86_64.jar")));
    }

    @Test
    void aVerdictIsReadBackAndAnUnreadableOneCountsAsNone() throws IOException {
        InstructionSetCache cache = new InstructionSetCache(folder.resolve("nested"));
        String fingerprint = InstructionSetCache.fingerprint(CPU, NATIVES);
        assertEquals(Optional.empty(), cache.read(fingerprint));

        InstructionSetCache.Entry entry = new InstructionSetCache.Entry(InstructionSet.AVX2,
                "ALL failed (softmax: NaN at element 3), AVX512_CORE failed (exit status 132), AVX2 passed");
        cache.write(fingerprint, entry);
        assertEquals(Optional.of(entry), cache.read(fingerprint));

        Files.writeString(cache.file(fingerprint), "level=AVX9000\n");
        assertEquals(Optional.empty(), cache.read(fingerprint));
        assertTrue(Files.list(folder.resolve("nested")).allMatch(file -> file.getFileName().toString().endsWith(".properties")),
                "no temporary file is left behind");
    }
}
