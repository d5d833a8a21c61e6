package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.imaging.Npy;
import io.flowseg.imaging.NpyArray;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DJL {@link ConditionalUNet} computes the same function as its PyTorch mirror
 * scripts/torch_unet.py: the fixture in src/test/resources/equivalence (made by
 * scripts/make_equivalence_fixture.py with PyTorch 1.13) holds a tiny network's randomly drawn
 * parameters in PyTorch's {@code parameters()} order, one batch of inputs and the velocity PyTorch
 * gives for them. The parameters are loaded by position into the DJL network, which must give the
 * same velocity on both of its forward paths (inference: in-place ops, intermediates freed early;
 * training: neither).
 */
class TorchEquivalenceTest {
    private static final float TOLERANCE = 1e-4f;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Model model;
    private static ConditionalUNet unet;
    private static NpyArray x;
    private static NpyArray image;
    private static NpyArray t;
    private static NpyArray expected;

    @BeforeAll
    static void loadFixture() throws IOException {
        UNetConfig config;
        List<List<Integer>> torchShapes;
        try (InputStream in = resource("config.json")) {
            config = JSON.readValue(in, UNetConfig.class);
        }
        try (InputStream in = resource("parameter-shapes.json")) {
            torchShapes = JSON.readValue(in, new TypeReference<List<List<Integer>>>() { });
        }
        NpyArray parameters = read("parameters.npy");
        x = read("x.npy");
        image = read("image.npy");
        t = read("t.npy");
        expected = read("expected.npy");

        unet = new ConditionalUNet(config);
        model = Model.newInstance("torch-equivalence", Device.cpu(), "PyTorch");
        model.setBlock(unet);
        unet.initialize(model.getNDManager(), DataType.FLOAT32, unet.inputShapes());
        loadByPosition(parameters, torchShapes);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    /**
     * Overwrites the DJL parameters, in {@code getParameters()} order, with PyTorch's, in
     * {@code parameters()} order, checking at each position that the shapes correspond.
     */
    private static void loadByPosition(NpyArray flat, List<List<Integer>> torchShapes) {
        List<Pair<String, Parameter>> djl = new ArrayList<>();
        unet.getParameters().forEach(djl::add);
        assertEquals(torchShapes.size(), djl.size(), "parameter tensors: PyTorch vs DJL\n" + listing(djl, torchShapes));
        int offset = 0;
        for (int i = 0; i < djl.size(); i++) {
            Parameter parameter = djl.get(i).getValue();
            Shape torchShape = new Shape(torchShapes.get(i).stream().mapToLong(Integer::longValue).toArray());
            // PyTorch's GroupNorm affine is [C]; DJL's GroupNorm keeps it as [C, 1, 1].
            boolean groupNormAffine = parameter.getType() == Parameter.Type.GAMMA
                    || parameter.getType() == Parameter.Type.BETA;
            Shape expectedShape = groupNormAffine ? torchShape.addAll(new Shape(1, 1)) : torchShape;
            NDArray array = parameter.getArray();
            String where = "position " + i + " (" + djl.get(i).getKey() + ")";
            assertEquals(torchShape.size(), array.size(), "element count at " + where + "\n" + listing(djl, torchShapes));
            assertEquals(expectedShape, array.getShape(), "shape at " + where + "\n" + listing(djl, torchShapes));
            int count = Math.toIntExact(array.size());
            array.set(Arrays.copyOfRange(flat.data(), offset, offset + count));
            offset += count;
        }
        assertEquals(flat.data().length, offset, "every fixture value is loaded");
    }

    @Test
    void inferencePathMatchesPyTorch() {
        float[] velocity = forward(false);
        double difference = maxDifference(expected.data(), velocity);
        System.out.printf("TorchEquivalenceTest: inference path, max |DJL - PyTorch| = %.3g%n", difference);
        assertArrayEquals(expected.data(), velocity, TOLERANCE);
    }

    @Test
    void trainingPathMatchesPyTorch() {
        float[] velocity = forward(true);
        double difference = maxDifference(expected.data(), velocity);
        System.out.printf("TorchEquivalenceTest: training path, max |DJL - PyTorch| = %.3g%n", difference);
        assertArrayEquals(expected.data(), velocity, TOLERANCE);
    }

    @Test
    void inferenceAndTrainingPathsAgree() {
        assertArrayEquals(forward(true), forward(false), 1e-6f);
    }

    @Test
    void fixtureExercisesEveryRow() {
        assertArrayEquals(new int[] {3, 1, 16, 16}, x.shape());
        assertArrayEquals(new int[] {3, 2, 16, 16}, image.shape());
        assertArrayEquals(new int[] {3}, t.shape());
        assertArrayEquals(new int[] {3, 1, 16, 16}, expected.shape());
        int pixels = 16 * 16;
        for (int row = 0; row < 3; row++) {
            float[] velocity = Arrays.copyOfRange(expected.data(), row * pixels, (row + 1) * pixels);
            assertTrue(maxDifference(velocity, new float[pixels]) > 0.1, "row " + row + " has a non-trivial velocity");
        }
    }

    /** One forward pass of the fixture batch; training only selects the path, no gradients are recorded. */
    private static float[] forward(boolean training) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList inputs = new NDList(array(manager, x), array(manager, image), array(manager, t));
            NDArray output = unet.forward(new ParameterStore(manager, false), inputs, training).singletonOrThrow();
            assertEquals(new Shape(3, 1, 16, 16), output.getShape());
            return output.toFloatArray();
        }
    }

    private static NDArray array(NDManager manager, NpyArray values) {
        long[] shape = Arrays.stream(values.shape()).asLongStream().toArray();
        return manager.create(values.data(), new Shape(shape));
    }

    private static double maxDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }

    private static String listing(List<Pair<String, Parameter>> djl, List<List<Integer>> torchShapes) {
        StringBuilder text = new StringBuilder("position: PyTorch shape | DJL name shape\n");
        for (int i = 0; i < Math.max(djl.size(), torchShapes.size()); i++) {
            text.append(i).append(": ").append(i < torchShapes.size() ? torchShapes.get(i) : "-").append(" | ");
            if (i < djl.size()) {
                text.append(djl.get(i).getKey()).append(' ').append(djl.get(i).getValue().getArray().getShape());
            } else {
                text.append('-');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static InputStream resource(String name) {
        InputStream in = TorchEquivalenceTest.class.getResourceAsStream("/equivalence/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource equivalence/" + name
                    + " missing; run /usr/bin/python3 scripts/make_equivalence_fixture.py");
        }
        return in;
    }

    private static NpyArray read(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return Npy.read(in);
        }
    }
}
