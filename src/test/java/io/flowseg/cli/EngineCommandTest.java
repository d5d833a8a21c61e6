package io.flowseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** `flowseg engine` as the image build runs it; EngineCacheIT checks what it leaves in the engine cache. */
@QuarkusMainTest
class EngineCommandTest {

    @Test
    void loadsTheEngineAndSaysWhereItRunsAndWhereLibtorchIs(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("engine");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        String output = result.getOutput();
        assertTrue(output.contains("engine: PyTorch 2.5.1"), output);
        // cpu() here; gpu(0) in a -Pcuda build on a machine with a GPU.
        assertTrue(output.lines().anyMatch(l -> l.matches("device: (cpu\\(\\)|gpu\\(0\\)) \\(\\d+ GPU\\(s\\) visible\\)")), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("libtorch: ") && l.contains("pytorch")), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("engine cache: ")), output);
    }

    @Test
    void aFlavorThatIsNotBundledIsRefusedByName(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("engine", "--prepare", "cu999");
        assertEquals(CommandLineSetup.BAD_INPUT, result.exitCode());
        String error = result.getErrorOutput();
        assertTrue(error.contains("no bundled PyTorch natives of flavor cu999") && error.matches("(?s).*bundled: [^)]*cpu.*"), error);
    }
}
