package io.flowseg.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.imaging.FieldOfView;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A loaded velocity model: the shared, thread-safe half of inference. Each sampling thread takes
 * its own {@link VelocityPredictor} from {@link #newPredictor()} (DJL predictors are not
 * thread-safe; the model and its weights are shared).
 */
public final class VelocityModel implements AutoCloseable {
    /** Name of the metadata entry a TorchScript model may carry (torch.jit.save _extra_files). */
    public static final String TORCHSCRIPT_METADATA = "flowseg.json";
    /** The objective of a velocity field; other objectives (baselines) are not sampled from. */
    public static final String FLOW_MATCHING = "flow-matching";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Model model;
    private final ModelInfo info;
    private final UNetConfig config;
    private final String objective;

    private VelocityModel(Model model, ModelInfo info, UNetConfig config, String objective) {
        this.model = model;
        this.info = info;
        this.config = config;
        this.objective = objective;
    }

    /** A freshly initialised network; the same seed gives the same weights. */
    public static VelocityModel untrained(UNetConfig config, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        ConditionalUNet unet = new ConditionalUNet(config);
        Model model = newModel("untrained-" + config.preset(), unet);
        unet.initialize(model.getNDManager(), DataType.FLOAT32, unet.inputShapes());
        return new VelocityModel(model, unetInfo("untrained-" + config.preset(), "untrained", unet), config,
                FLOW_MATCHING);
    }

    /** Loads a flowseg model file or a TorchScript velocity model, told apart by content. */
    public static VelocityModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("model file not found: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ModelFile.startsWithMagic(in) ? loadFlowseg(file) : loadTorchScript(file);
        }
    }

    /** Loads a flowseg model bundled on the class path (the trained default model). */
    public static VelocityModel loadResource(String resource) throws IOException {
        InputStream stream = VelocityModel.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IOException("bundled model " + resource + " is missing from the class path");
        }
        try (InputStream in = stream) {
            return loadFlowseg(in, resource.substring(resource.lastIndexOf('/') + 1));
        }
    }

    private static VelocityModel loadFlowseg(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return loadFlowseg(in, file.getFileName().toString());
        }
    }

    private static VelocityModel loadFlowseg(InputStream stream, String name) throws IOException {
        Model model = null;
        boolean loaded = false;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
            ModelFile.Header header = ModelFile.readHeader(in);
            ConditionalUNet unet = new ConditionalUNet(header.config());
            model = newModel(name, unet);
            unet.loadParameters(model.getNDManager(), in);
            VelocityModel velocityModel = new VelocityModel(model, unetInfo(name, header.version(), unet),
                    header.config(), header.objective());
            loaded = true;
            return velocityModel;
        } catch (EOFException e) {
            throw new IOException("cannot read flowseg model " + name + ": the file is truncated", e);
        } catch (MalformedModelException | IllegalArgumentException | IOException e) {
            throw new IOException("cannot read flowseg model " + name + ": " + e.getMessage(), e);
        } finally {
            if (!loaded && model != null) {
                model.close(); // a half-loaded network's parameters live in the model's manager
            }
        }
    }

    private static VelocityModel loadTorchScript(Path file) throws IOException {
        JsonNode metadata = torchScriptMetadata(file).orElseThrow(() -> new IOException(
                file.getFileName() + " is neither a flowseg model nor a TorchScript archive with "
                        + TORCHSCRIPT_METADATA + " (see README: bring your own model)"));
        Model model = Model.newInstance(file.getFileName().toString(), ComputeDevice.get(), "PyTorch");
        try {
            model.load(file);
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException("cannot load TorchScript model " + file.getFileName() + ": " + e.getMessage(), e);
        }
        int channels = metadata.path("imageChannels").asInt(1);
        int resolution = metadata.path("resolution").asInt(0);
        double share = metadata.path("fieldOfView").asDouble(FieldOfView.WHOLE.share());
        if (resolution <= 0 || channels <= 0 || !(share > 0 && share <= 1)) {
            model.close();
            throw new IOException(TORCHSCRIPT_METADATA + " in " + file.getFileName()
                    + " must give a positive imageChannels and resolution, and a fieldOfView in (0, 1] if any");
        }
        ModelInfo info = new ModelInfo(file.getFileName().toString(), "torchscript",
                metadata.path("version").asText("unversioned"), "custom", channels, resolution,
                Layers.parameterCount(model.getBlock()), new FieldOfView(share));
        return new VelocityModel(model, info, null, FLOW_MATCHING);
    }

    /** Reads the metadata entry of a TorchScript zip archive, if the file is one and has it. */
    private static Optional<JsonNode> torchScriptMetadata(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Optional<? extends ZipEntry> entry = zip.stream()
                    .filter(e -> e.getName().endsWith("/extra/" + TORCHSCRIPT_METADATA)).findFirst();
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry.get())) {
                return Optional.of(JSON.readTree(in));
            }
        } catch (java.util.zip.ZipException notZip) {
            return Optional.empty();
        }
    }

    private static Model newModel(String name, Block block) {
        Model model = Model.newInstance(name, ComputeDevice.get(), "PyTorch");
        model.setBlock(block);
        return model;
    }

    private static ModelInfo unetInfo(String name, String version, ConditionalUNet unet) {
        UNetConfig c = unet.config();
        return new ModelInfo(name, "flowseg", version, c.preset(), c.imageChannels(), c.resolution(),
                unet.parameterCount(), c.view());
    }

    /** Writes this velocity field and its configuration to one file (flowseg format only). */
    public void save(Path file, String version) throws IOException {
        save(file, version, objective);
    }

    /** Writes this network, its configuration and what it was trained for to one file. */
    public void save(Path file, String version, String trainedObjective) throws IOException {
        if (config == null) {
            throw new IllegalStateException("a TorchScript model is saved with torch.jit.save, not by flowseg");
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            ModelFile.writeHeader(out, new ModelFile.Header(ModelFile.FORMAT_VERSION, version, config, trainedObjective));
            model.getBlock().saveParameters(out);
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Copies every parameter {@code source} has under the same name and shape into this network (a
     * fine-tune that adds layers, such as a step embedding, to a trained model); the rest keep their values.
     *
     * @throws IllegalArgumentException when a parameter of {@code source} has no counterpart here
     */
    public void copyParametersFrom(VelocityModel source) {
        var mine = model.getBlock().getParameters();
        for (var entry : source.network().getParameters()) {
            Parameter target = mine.get(entry.getKey());
            NDArray values = entry.getValue().getArray();
            if (target == null || !target.getArray().getShape().equals(values.getShape())) {
                throw new IllegalArgumentException("parameter " + entry.getKey() + " " + values.getShape()
                        + " of " + source.info().name() + " has no counterpart of that shape in this network");
            }
            target.getArray().set(values.toFloatArray());
        }
    }

    public ModelInfo info() {
        return info;
    }

    /** What the network outputs: {@link #FLOW_MATCHING} velocities, or a baseline's (e.g. majority-vote logits). */
    public String objective() {
        return objective;
    }

    /** The network itself, for training and for baselines that run it directly. */
    public Block network() {
        return model.getBlock();
    }

    /** The manager that owns the network's parameters. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** The network's configuration, empty for bring-your-own TorchScript models. */
    public Optional<UNetConfig> config() {
        return Optional.ofNullable(config);
    }

    /** FLOPs of one row's forward pass ({@link NetworkCost}); empty for TorchScript models, whose layers are opaque. */
    public OptionalLong flopsPerRow() {
        return config == null ? OptionalLong.empty() : OptionalLong.of(NetworkCost.flopsPerRow(model.getBlock()));
    }

    /** Whether the network takes the step size (a shortcut model, sampled in a few steps by the shortcut solver). */
    public boolean stepConditioned() {
        return config != null && config.stepConditioned();
    }

    /** A predictor for one thread; close it when the thread is done. */
    public VelocityPredictor newPredictor() {
        Predictor<VelocityBatch, float[]> predictor = model.newPredictor(new VelocityTranslator());
        return new VelocityPredictor(predictor, info, stepConditioned());
    }

    @Override
    public void close() {
        model.close();
    }
}
