package io.flowseg.wire;

import io.flowseg.events.ImageStudy;
import io.flowseg.events.PixelEncoding;
import io.flowseg.events.PixelSpacing;
import io.flowseg.events.PixelType;
import io.flowseg.events.SamplingRequest;
import io.flowseg.events.StudyImage;
import io.flowseg.events.StudyRejected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/** Events of the public contract for the registry tests, and ImageStudy's first schema version. */
public final class TestEvents {

    static final Instant ACQUIRED = Instant.parse("2026-01-02T03:04:05.678Z");

    private TestEvents() {
    }

    static ImageStudy imageStudy(String studyId) {
        return ImageStudy.newBuilder()
                .setStudyId(studyId)
                .setSeriesId("series-1")
                .setInstanceId("instance-1")
                .setPatientRef("patient-secret-ref")
                .setSite("site-a")
                .setModality("CT")
                .setBodyPart("CHEST")
                .setAcquisitionTime(ACQUIRED)
                .setImage(StudyImage.newBuilder()
                        .setWidth(2)
                        .setHeight(2)
                        .setChannels(1)
                        .setPixelType(PixelType.UINT8)
                        .setEncoding(PixelEncoding.RAW_LE)
                        .setPixelSpacing(new PixelSpacing(0.7, 0.8))
                        .setPixels(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}))
                        .build())
                .setSampling(SamplingRequest.newBuilder().setSamples(4).setSeed(7L).setModel("small-64").build())
                .build();
    }

    public static StudyRejected studyRejected() {
        return StudyRejected.newBuilder()
                .setReasonCode("CONSTANT_IMAGE")
                .setMessage("all pixels are 0")
                .setStudyId("study-9")
                .setSourceTopic("studies")
                .setSourcePartition(0)
                .setSourceOffset(12L)
                .setSourceTimestamp(ACQUIRED)
                .setRejectedAt(ACQUIRED)
                .build();
    }

    /** ImageStudy before StudyImage.pixelSpacing and SamplingRequest.model were added. */
    public static Schema imageStudyV1() {
        return schema("/schemas/ImageStudy-v1.avsc");
    }

    /** ImageStudy before SamplingRequest.preset (version 4) was added. */
    public static Schema imageStudyV3() {
        return schema("/schemas/ImageStudy-v3.avsc");
    }

    /** The study as an older producer would have it: written, then read back with the v1 schema. */
    public static GenericRecord asV1(ImageStudy study) {
        return asWrittenWith(imageStudyV1(), study);
    }

    /** The study as a producer with an older schema would have it: written, then read back with that schema. */
    public static GenericRecord asWrittenWith(Schema older, ImageStudy study) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<ImageStudy>(ImageStudy.getClassSchema()).write(study, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(ImageStudy.getClassSchema(), older)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema(String resource) {
        try (InputStream in = TestEvents.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
