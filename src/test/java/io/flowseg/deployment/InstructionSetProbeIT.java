package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's instruction-set step against the packaged application: a first start probes the
 * kernels (one fresh JVM per cap tried) and keeps the verdict, a second reads it back, a stored
 * step-down is what libtorch is then capped at, and ONEDNN_MAX_CPU_ISA set by the user wins.
 */
class InstructionSetProbeIT {
    private static final Pattern KERNELS = Pattern.compile("oneDNN (ALL|AVX512_CORE|AVX2|SSE41), ATen (\\S+) \\((\\w+)[:)].*");

    @TempDir
    static Path engineCache;

    @Test
    void theFirstStartProbesTheNextReadTheVerdictAndTheUserOverrides(@TempDir Path verdicts) throws Exception {
        Map<String, String> environment = new HashMap<>();
        // The test JVM runs capped (pom.xml); the launcher must see what a user's shell has.
        for (String variable : List.of("ONEDNN_MAX_CPU_ISA", "ATEN_CPU_CAPABILITY", "FLOWSEG_CPU_ISA_SOURCE",
                "FLOWSEG_CPU_ISA_DETAIL")) {
            environment.put(variable, null);
        }
        environment.put("FLOWSEG_CACHE_DIR", verdicts.toString());

        Matcher probed = kernels(ImageScript.run(engineCache, environment, "flowseg-jvm", "engine"));
        assertEquals("probed", probed.group(3), probed.group());
        assertTrue(probed.group().contains(probed.group(1) + " passed"), probed.group());
        Path verdict = onlyFile(verdicts);

        Matcher cached = kernels(ImageScript.run(engineCache, environment, "flowseg-jvm", "engine"));
        assertEquals("cached", cached.group(3), cached.group());
        assertEquals(probed.group(1), cached.group(1));

        // A verdict that stepped down (as on the EPYC whose AVX-512 kernels gave NaN) caps both libraries.
        Files.writeString(verdict, "level=AVX2\ndetail=ALL failed (3x3 convolution with zero weights\\: NaN at element 0), AVX2 passed\n");
        Matcher steppedDown = kernels(ImageScript.run(engineCache, environment, "flowseg-jvm", "engine"));
        assertEquals(List.of("AVX2", "avx2", "cached"),
                List.of(steppedDown.group(1), steppedDown.group(2), steppedDown.group(3)), steppedDown.group());
        assertTrue(steppedDown.group().contains("ALL failed (3x3 convolution with zero weights: NaN at element 0)"));

        environment.put("ONEDNN_MAX_CPU_ISA", "SSE41");
        ImageScript.Result overridden = ImageScript.run(engineCache, environment, "flowseg-jvm", "engine");
        assertEquals("oneDNN SSE41, ATen uncapped (set by ONEDNN_MAX_CPU_ISA)", overridden.line("CPU instruction sets: "));
    }

    private static Matcher kernels(ImageScript.Result result) {
        assertEquals(0, result.exitCode(), result.output());
        Matcher matcher = KERNELS.matcher(result.line("CPU instruction sets: "));
        assertTrue(matcher.matches(), result.output());
        return matcher;
    }

    private static Path onlyFile(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            assertTrue(all.get(0).getFileName().toString().matches("cpu-isa-[0-9a-f]{24}\\.properties"), all.toString());
            return all.get(0);
        }
    }
}
