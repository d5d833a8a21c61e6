package io.flowseg.imaging;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes NumPy .npy files (format versions 1.0 and 2.0) holding little-endian float32
 * or float64 data in C order, e.g. an explicit initial-noise array. Float64 is converted to float.
 * Anything else (big-endian, other dtypes, Fortran order) is refused with an
 * {@link IllegalArgumentException}, as is a malformed or truncated file.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Version 1.0 stores the header length in 2 bytes; longer headers need version 2.0 (4 bytes). */
    private static final int MAX_V1_HEADER = 0xFFFF;
    /** Real headers are a few hundred bytes; a bigger length means a corrupt file, not a big array. */
    private static final int MAX_HEADER = 1 << 20;
    private static final int HEADER_ALIGNMENT = 64;
    private static final int CHUNK_ELEMENTS = 8192;

    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN_ORDER = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    public static NpyArray read(Path file) throws IOException {
        try (InputStream input = new BufferedInputStream(Files.newInputStream(file))) {
            return read(input);
        }
    }

    /** Reads one array from the current position of the stream; does not close it. */
    public static NpyArray read(InputStream input) throws IOException {
        String header = readHeader(input);
        Dtype dtype = Dtype.of(find(DESCR, header, "descr"));
        if (find(FORTRAN_ORDER, header, "fortran_order").equals("True")) {
            throw new IllegalArgumentException(
                    "npy arrays in Fortran order are not supported; save a C-ordered array (np.ascontiguousarray)");
        }
        int[] shape = parseShape(find(SHAPE, header, "shape"));
        return new NpyArray(shape, readData(input, elementCount(shape), dtype));
    }

    public static void write(NpyArray array, Path file) throws IOException {
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(array, output);
        }
    }

    /** Writes float32 data with the lowest format version whose header field fits; does not close the stream. */
    public static void write(NpyArray array, OutputStream output) throws IOException {
        String dict = "{'descr': '" + Dtype.FLOAT32.descr + "', 'fortran_order': False, 'shape': "
                + shapeTuple(array.shape()) + ", }";
        int lengthFieldSize = 2;
        int headerLength = paddedHeaderLength(dict.length(), lengthFieldSize);
        if (headerLength > MAX_V1_HEADER) {
            lengthFieldSize = 4;
            headerLength = paddedHeaderLength(dict.length(), lengthFieldSize);
        }
        int prefix = MAGIC.length + 2 + lengthFieldSize;
        String header = dict + " ".repeat(headerLength - dict.length() - 1) + "\n";

        ByteBuffer prelude = ByteBuffer.allocate(prefix).order(ByteOrder.LITTLE_ENDIAN);
        prelude.put(MAGIC).put((byte) (lengthFieldSize == 2 ? 1 : 2)).put((byte) 0);
        if (lengthFieldSize == 2) {
            prelude.putShort((short) headerLength);
        } else {
            prelude.putInt(headerLength);
        }
        output.write(prelude.array());
        output.write(header.getBytes(StandardCharsets.ISO_8859_1));
        writeData(output, array.data());
    }

    private static String readHeader(InputStream input) throws IOException {
        byte[] magicAndVersion = input.readNBytes(MAGIC.length + 2);
        if (magicAndVersion.length < MAGIC.length + 2
                || !Arrays.equals(magicAndVersion, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not an npy file: magic string \\x93NUMPY missing");
        }
        int major = magicAndVersion[MAGIC.length];
        int minor = magicAndVersion[MAGIC.length + 1];
        if (major != 1 && major != 2) {
            throw new IllegalArgumentException(
                    "unsupported npy format version " + major + "." + minor + "; only 1.0 and 2.0 are supported");
        }
        byte[] lengthField = readExactly(input, major == 1 ? 2 : 4, "header length");
        ByteBuffer length = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? Short.toUnsignedInt(length.getShort()) : Integer.toUnsignedLong(length.getInt());
        if (headerLength > MAX_HEADER) {
            throw new IllegalArgumentException("npy header length " + headerLength + " is implausibly large");
        }
        return new String(readExactly(input, (int) headerLength, "header"), StandardCharsets.ISO_8859_1);
    }

    private static String find(Pattern pattern, String header, String key) {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IllegalArgumentException("npy header has no valid '" + key + "' entry: " + header.strip());
        }
        return matcher.group(1);
    }

    private static int[] parseShape(String tuple) {
        try {
            return Arrays.stream(tuple.split(","))
                    .map(String::strip)
                    .filter(size -> !size.isEmpty())
                    .mapToInt(Integer::parseInt)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("npy shape (" + tuple + ") is not a tuple of integers", e);
        }
    }

    private static int elementCount(int[] shape) {
        long count = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " has a negative size");
            }
            count *= size;
            if (count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " is too large for one array");
            }
        }
        return (int) count;
    }

    private static float[] readData(InputStream input, int count, Dtype dtype) throws IOException {
        float[] data = new float[count];
        for (int done = 0; done < count; ) {
            int elements = Math.min(CHUNK_ELEMENTS, count - done);
            byte[] chunk = readExactly(input, elements * dtype.size, "data of " + count + " elements");
            ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < elements; i++) {
                data[done + i] = dtype.read(buffer, i * dtype.size);
            }
            done += elements;
        }
        return data;
    }

    private static void writeData(OutputStream output, float[] data) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_ELEMENTS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < data.length; ) {
            int elements = Math.min(CHUNK_ELEMENTS, data.length - done);
            chunk.clear();
            chunk.asFloatBuffer().put(data, done, elements);
            output.write(chunk.array(), 0, elements * Float.BYTES);
            done += elements;
        }
    }

    private static byte[] readExactly(InputStream input, int length, String what) throws IOException {
        byte[] bytes = input.readNBytes(length);
        if (bytes.length < length) {
            throw new IllegalArgumentException(
                    "npy file truncated: " + what + " needs " + length + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    /** Python tuple syntax: a one-element tuple needs a trailing comma. */
    private static String shapeTuple(int[] shape) {
        String sizes = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return "(" + sizes + (shape.length == 1 ? ",)" : ")");
    }

    /** numpy pads the header with spaces and a newline so that the data starts 64-byte aligned. */
    private static int paddedHeaderLength(int dictLength, int lengthFieldSize) {
        int prefix = MAGIC.length + 2 + lengthFieldSize;
        int unpadded = prefix + dictLength + 1;
        int aligned = (unpadded + HEADER_ALIGNMENT - 1) / HEADER_ALIGNMENT * HEADER_ALIGNMENT;
        return aligned - prefix;
    }

    /** The element types accepted on reading; writing always uses float32. */
    private enum Dtype {
        FLOAT32("<f4", Float.BYTES) {
            @Override
            float read(ByteBuffer littleEndian, int byteIndex) {
                return littleEndian.getFloat(byteIndex);
            }
        },
        FLOAT64("<f8", Double.BYTES) {
            @Override
            float read(ByteBuffer littleEndian, int byteIndex) {
                return (float) littleEndian.getDouble(byteIndex);
            }
        };

        final String descr;
        final int size;

        Dtype(String descr, int size) {
            this.descr = descr;
            this.size = size;
        }

        static Dtype of(String descr) {
            for (Dtype dtype : values()) {
                if (dtype.descr.equals(descr)) {
                    return dtype;
                }
            }
            throw new IllegalArgumentException("unsupported npy dtype '" + descr
                    + "'; only little-endian float32 '<f4' and float64 '<f8' are supported");
        }

        abstract float read(ByteBuffer littleEndian, int byteIndex);
    }
}
