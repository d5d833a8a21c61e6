package io.flowseg.service;

import io.flowseg.events.ImageStudy;
import io.flowseg.wire.DecodingFailure;
import io.flowseg.wire.EventCodec;
import io.flowseg.wire.EventDecodingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Plain Avro binary without a registry: lets the processor be tested on its own. */
final class PlainAvroCodec implements EventCodec {

    @Override
    public ImageStudy decodeStudy(byte[] value) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, null);
            ImageStudy study = new SpecificDatumReader<>(ImageStudy.class).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("trailing bytes");
            }
            return study;
        } catch (IOException | RuntimeException e) {
            throw new EventDecodingException(DecodingFailure.UNDECODABLE_EVENT, "not an ImageStudy: " + e.getMessage());
        }
    }

    @Override
    public byte[] encodeKey(String topic, String studyId) {
        return studyId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encodeValue(String topic, SpecificRecord record) {
        return encode(record);
    }

    static byte[] encode(SpecificRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) {
        try {
            return new SpecificDatumReader<>(type).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
