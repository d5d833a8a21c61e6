package io.flowseg.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;
import io.flowseg.model.BundledNatives;
import io.flowseg.model.ComputeDevice;
import io.flowseg.model.InstructionSetInUse;
import io.flowseg.model.KernelCheck;
import io.flowseg.model.KernelCheckProcess;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Loads the PyTorch engine and says what it found. An image build runs it to unpack libtorch into
 * the engine cache, so that a container unpacks and downloads nothing when it starts.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Load the PyTorch engine; print its version, the device it uses, the CPU instruction-set caps and the engine cache folder.")
public class EngineCommand implements Callable<Integer> {

    @Option(names = "--prepare", paramLabel = "FLAVOR", description = "first unpack the bundled natives of this flavor"
            + " (cpu; cu124 in a -Pcuda build) into the engine cache, as DJL does on a machine that picks it:"
            + " for image builds on machines without a GPU (repeatable)")
    List<String> flavors = List.of();

    @Option(names = "--check-kernels", description = "run the CPU kernels' known-answer check under this process's"
            + " instruction-set cap and exit 1 when it fails (what the launcher's probe runs at each cap)")
    boolean checkKernels;

    @Override
    public Integer call() throws Exception {
        for (String flavor : flavors) {
            System.out.printf("prepared %s: %s%n", flavor, BundledNatives.prepare(flavor));
        }
        if (checkKernels) {
            KernelCheck.Verdict verdict = KernelCheck.run();
            System.out.println(KernelCheckProcess.VERDICT_PREFIX + verdict.describe());
            return verdict.passed() ? 0 : 1;
        }
        Device device = ComputeDevice.get();
        Engine engine = Engine.getInstance();
        System.out.printf("engine: %s %s%n", engine.getEngineName(), engine.getVersion());
        System.out.printf("device: %s (%d GPU(s) visible)%n", device, engine.getGpuCount());
        System.out.printf("libtorch: %s%n", LibUtils.getLibtorchPath());
        System.out.printf("CPU instruction sets: %s%n", InstructionSetInUse.current().describe());
        System.out.printf("engine cache: %s%n", Utils.getEngineCacheDir());
        return 0;
    }
}
