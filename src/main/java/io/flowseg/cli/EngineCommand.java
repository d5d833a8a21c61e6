package io.flowseg.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;
import io.flowseg.model.BundledNatives;
import io.flowseg.model.ComputeDevice;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Loads the PyTorch engine and says what it found. An image build runs it to unpack libtorch into
 * the engine cache, so that a container unpacks and downloads nothing when it starts.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Load the PyTorch engine; print its version, the device it uses and the engine cache folder.")
public class EngineCommand implements Callable<Integer> {

    @Option(names = "--prepare", paramLabel = "FLAVOR", description = "first unpack the bundled natives of this flavor"
            + " (cpu; cu124 in a -Pcuda build) into the engine cache, as DJL does on a machine that picks it:"
            + " for image builds on machines without a GPU (repeatable)")
    List<String> flavors = List.of();

    @Override
    public Integer call() throws Exception {
        for (String flavor : flavors) {
            System.out.printf("prepared %s: %s%n", flavor, BundledNatives.prepare(flavor));
        }
        Device device = ComputeDevice.get();
        Engine engine = Engine.getInstance();
        System.out.printf("engine: %s %s%n", engine.getEngineName(), engine.getVersion());
        System.out.printf("device: %s (%d GPU(s) visible)%n", device, engine.getGpuCount());
        System.out.printf("libtorch: %s%n", LibUtils.getLibtorchPath());
        System.out.printf("engine cache: %s%n", Utils.getEngineCacheDir());
        return 0;
    }
}
