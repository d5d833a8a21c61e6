package io.flowseg.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The flowseg model file: magic bytes, a JSON header that holds the network's configuration and
 * version, then DJL's parameter stream. Reading the header alone is enough to rebuild the network.
 */
final class ModelFile {
    static final byte[] MAGIC = "FLOWSEG\u0001".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The JSON header.
     *
     * @param objective what the network was trained to output; absent in older files, which are all
     *                  {@link VelocityModel#FLOW_MATCHING} velocity fields
     */
    record Header(int formatVersion, String version, UNetConfig config, String objective) {
        Header {
            objective = objective == null ? VelocityModel.FLOW_MATCHING : objective;
        }
    }

    private ModelFile() {
    }

    static void writeHeader(DataOutputStream out, Header header) throws IOException {
        byte[] json = JSON.writeValueAsBytes(header);
        out.write(MAGIC);
        out.writeInt(json.length);
        out.write(json);
    }

    static Header readHeader(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a flowseg model file (bad magic bytes)");
        }
        int length = in.readInt();
        if (length <= 0 || length > MAX_HEADER_BYTES) {
            throw new IOException("corrupt flowseg model file: header length " + length);
        }
        Header header = JSON.readValue(in.readNBytes(length), Header.class);
        if (header.formatVersion() != FORMAT_VERSION) {
            throw new IOException("flowseg model file format " + header.formatVersion()
                    + " is not supported (this build reads format " + FORMAT_VERSION + ")");
        }
        return header;
    }

    static boolean startsWithMagic(InputStream in) throws IOException {
        return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
}
