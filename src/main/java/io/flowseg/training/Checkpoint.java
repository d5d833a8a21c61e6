package io.flowseg.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.model.UNetConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Everything a run needs to continue exactly where it stopped: the step, the settings and network
 * configuration (JSON header), then the weights, their moving average and AdamW's two moment
 * estimates (DJL's NDList encoding). Batches derive from (seed, step), so no generator state is
 * needed. Written to a temporary file and moved into place, so a crash never leaves half a file.
 */
public final class Checkpoint {
    private static final byte[] MAGIC = "FLOWSEG-CHECKPOINT\u0001".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON header: what was trained, how, and how far. */
    public record Header(Objective objective, UNetConfig config, TrainingSettings settings, long step) {
    }

    /** A checkpoint read back; its arrays belong to the manager it was read into. */
    record State(Header header, NDList weights, NDList averages, NDList firstMoments, NDList secondMoments) {
    }

    private Checkpoint() {
    }

    static void write(Path file, Header header, NDList weights, NDList averages, NDList first, NDList second)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            byte[] json = JSON.writeValueAsBytes(header);
            out.write(MAGIC);
            out.writeInt(json.length);
            out.write(json);
            for (NDList arrays : new NDList[] {weights, averages, first, second}) {
                arrays.encode(out);
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads only the header: enough to rebuild the network and its settings. */
    public static Header readHeader(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            return header(in, file);
        }
    }

    static State read(Path file, NDManager manager) throws IOException {
        try (DataInputStream in = open(file)) {
            Header header = header(in, file);
            return new State(header, NDList.decode(manager, in), NDList.decode(manager, in),
                    NDList.decode(manager, in), NDList.decode(manager, in));
        } catch (EOFException e) {
            throw new IOException("checkpoint " + file.getFileName() + " is truncated", e);
        }
    }

    /** Copies arrays read from a checkpoint into the live ones, in place, checking they match. */
    static void copyInto(NDList source, NDList target) {
        if (source.size() != target.size()) {
            throw new IllegalArgumentException("checkpoint holds " + source.size() + " arrays, the network needs "
                    + target.size());
        }
        for (int i = 0; i < source.size(); i++) {
            if (!source.get(i).getShape().equals(target.get(i).getShape())) {
                throw new IllegalArgumentException("checkpoint array " + i + " has shape " + source.get(i).getShape()
                        + ", the network needs " + target.get(i).getShape());
            }
            target.get(i).set(source.get(i).toByteBuffer());
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("checkpoint not found: " + file);
        }
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
    }

    private static Header header(DataInputStream in, Path file) throws IOException {
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            throw new IOException(file.getFileName() + " is not a flowseg checkpoint");
        }
        int length = in.readInt();
        if (length <= 0 || length > MAX_HEADER_BYTES) {
            throw new IOException("corrupt checkpoint " + file.getFileName() + ": header length " + length);
        }
        return JSON.readValue(in.readNBytes(length), Header.class);
    }
}
