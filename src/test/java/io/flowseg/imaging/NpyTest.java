package io.flowseg.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    @Test
    void roundTripsNoiseShapedArrayThroughAFile(@TempDir Path directory) throws IOException {
        float[] data = new float[3 * 1 * 4 * 5];
        Random random = new Random(42);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        Path file = directory.resolve("noise.npy");

        Npy.write(new NpyArray(new int[] {3, 1, 4, 5}, data), file);
        NpyArray read = Npy.read(file);

        assertArrayEquals(new int[] {3, 1, 4, 5}, read.shape());
        assertArrayEquals(data, read.data(), 0f);
    }

    @Test
    void writesVersionOneHeaderAlignedLikeNumpy() throws IOException {
        byte[] bytes = write(new NpyArray(new int[] {2}, new float[] {1.5f, -2f}));

        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        int headerLength = Short.toUnsignedInt(ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        int dataOffset = 10 + headerLength;
        assertEquals(0, dataOffset % 64);
        String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"), header);
        assertTrue(header.endsWith("\n"), header);
        assertEquals(dataOffset + 8, bytes.length);
        assertEquals(-2f, ByteBuffer.wrap(bytes, dataOffset + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
    }

    @Test
    void readsHandCraftedVersionOneFloat64File() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(6 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : new double[] {0.5, -1.25, 3, 1e-3, -7, 100}) {
            data.putDouble(value);
        }
        byte[] file = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", data.array());

        NpyArray array = Npy.read(new ByteArrayInputStream(file));

        assertArrayEquals(new int[] {2, 3}, array.shape());
        assertArrayEquals(new float[] {0.5f, -1.25f, 3, 1e-3f, -7, 100}, array.data(), 0f);
    }

    @Test
    void readsHandCraftedVersionTwoFile() throws IOException {
        byte[] data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(-3).array();
        // Key order and spacing differ from numpy's own output; any valid dict literal must do.
        byte[] file = npy(2, "{'shape':(3,),'fortran_order':False,'descr':'<f4'}", data);

        NpyArray array = Npy.read(new ByteArrayInputStream(file));

        assertArrayEquals(new int[] {3}, array.shape());
        assertArrayEquals(new float[] {1, 2, -3}, array.data(), 0f);
    }

    @Test
    void readsScalar() throws IOException {
        byte[] data = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(9).array();
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", data);

        NpyArray array = Npy.read(new ByteArrayInputStream(file));

        assertEquals(0, array.rank());
        assertArrayEquals(new float[] {9}, array.data());
    }

    @Test
    void switchesToVersionTwoWhenTheHeaderIsTooLongForVersionOne() throws IOException {
        int[] shape = new int[25_000];
        Arrays.fill(shape, 1);

        byte[] bytes = write(new NpyArray(shape, new float[] {4}));
        NpyArray read = Npy.read(new ByteArrayInputStream(bytes));

        assertEquals(2, bytes[6]);
        assertArrayEquals(shape, read.shape());
        assertArrayEquals(new float[] {4}, read.data());
    }

    @Test
    void rejectsFortranOrder() {
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new byte[16]);

        IllegalArgumentException rejection =
                assertThrows(IllegalArgumentException.class, () -> Npy.read(new ByteArrayInputStream(file)));

        assertTrue(rejection.getMessage().contains("Fortran order"), rejection.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {">f4", "<i4", "<f2", "|u1"})
    void rejectsOtherDtypes(String dtype) {
        byte[] file = npy(1, "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (2,), }", new byte[16]);

        IllegalArgumentException rejection =
                assertThrows(IllegalArgumentException.class, () -> Npy.read(new ByteArrayInputStream(file)));

        assertTrue(rejection.getMessage().contains("unsupported npy dtype '" + dtype + "'"), rejection.getMessage());
    }

    @Test
    void rejectsTruncatedData() {
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", new byte[12]);

        assertThrows(IllegalArgumentException.class, () -> Npy.read(new ByteArrayInputStream(file)));
    }

    @Test
    void rejectsFileWithoutMagicString() {
        byte[] notNpy = "PK\u0003\u0004 this is a zip".getBytes(StandardCharsets.ISO_8859_1);

        assertThrows(IllegalArgumentException.class, () -> Npy.read(new ByteArrayInputStream(notNpy)));
    }

    @Test
    void rejectsUnknownFormatVersion() {
        byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
        file[6] = 4;

        assertThrows(IllegalArgumentException.class, () -> Npy.read(new ByteArrayInputStream(file)));
    }

    private static byte[] write(NpyArray array) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Npy.write(array, bytes);
        return bytes.toByteArray();
    }

    /** An npy file with the given header dict, unpadded apart from the closing newline. */
    private static byte[] npy(int majorVersion, String dict, byte[] data) {
        byte[] header = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        int lengthFieldSize = majorVersion == 1 ? 2 : 4;
        ByteBuffer file = ByteBuffer.allocate(8 + lengthFieldSize + header.length + data.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) majorVersion, 0});
        if (majorVersion == 1) {
            file.putShort((short) header.length);
        } else {
            file.putInt(header.length);
        }
        return file.put(header).put(data).array();
    }
}
