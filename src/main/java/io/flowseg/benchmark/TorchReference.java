package io.flowseg.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.model.UNetConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Times the same network in PyTorch eager (scripts/torch_unet.py is a layer-for-layer mirror of
 * the DJL UNet) so the DJL figure has a reference measured the same way on the same machine.
 * PyTorch runs as it does out of the box: the allocator flowseg's launcher preloads is removed
 * from its environment.
 */
public final class TorchReference {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the PyTorch side times: a forward pass, or a whole training step. */
    public enum Workload {
        FORWARD("torch_bench.py"),
        TRAINING_STEP("torch_train_bench.py");

        private final String script;

        Workload(String script) {
            this.script = script;
        }
    }

    /** What the PyTorch side measured. */
    public record Result(long parameters, double[] ms, String torchVersion) {
    }

    private TorchReference() {
    }

    public static Result time(Workload workload, Path python, Path scripts, UNetConfig config, int batch, int warmup,
                              int repeats, int threads)
            throws IOException, InterruptedException {
        Path script = scripts.resolve(workload.script);
        if (!Files.isRegularFile(script)) {
            throw new IOException(script + " not found: run bench from the repository root or pass --scripts");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(python.toString(), script.toString(),
                JSON.writeValueAsString(config), Integer.toString(batch), Integer.toString(warmup + repeats),
                Integer.toString(threads))).redirectError(ProcessBuilder.Redirect.INHERIT);
        LauncherVariables.remove(builder.environment(), LauncherVariables.ALLOCATOR);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IOException("PyTorch reference failed (is python3-torch installed? apt-get install python3-torch)");
        }
        JsonNode result = JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
        // The first runs are warm-ups, as on the DJL side.
        double[] ms = StreamSupport.stream(result.get("ms").spliterator(), false).skip(warmup)
                .mapToDouble(JsonNode::asDouble).toArray();
        return new Result(result.get("parameters").asLong(), ms, result.get("torch").asText());
    }
}
