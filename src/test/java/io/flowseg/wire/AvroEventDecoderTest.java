package io.flowseg.wire;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.events.ImageStudy;
import io.flowseg.events.StudyPriority;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The decoder's reason codes, against a registry in memory. */
class AvroEventDecoderTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final AvroEventEncoder encoder = new AvroEventEncoder(registry, SubjectNameStrategy.TOPIC_NAME, true);
    private final AvroEventDecoder<ImageStudy> decoder = new AvroEventDecoder<>(registry, ImageStudy.class);

    @Test
    void decodesWhatTheEncoderWrote() {
        ImageStudy study = TestEvents.imageStudy("study-1");
        byte[] event = encoder.encode("studies", false, study);

        assertEquals(0, event[0]);
        assertEquals(registry.lookup("studies-value", ImageStudy.getClassSchema()), ByteBuffer.wrap(event, 1, 4).getInt());
        assertEquals(study, decoder.decode(event));
    }

    @Test
    void decodesStringKeys() {
        byte[] key = encoder.encode("studies", true, "study-1");

        assertEquals(Schema.create(Schema.Type.STRING), registry.schemaById(ByteBuffer.wrap(key, 1, 4).getInt()));
        assertEquals("study-1", new AvroEventDecoder<>(registry, String.class).decode(key));
    }

    @Test
    void nullIsUndecodable() {
        assertEquals(DecodingFailure.UNDECODABLE_EVENT, failureOf(null).reason());
    }

    @Test
    void fewerBytesThanTheHeaderAreUndecodable() {
        EventDecodingException failure = failureOf(new byte[] {0, 0, 0});

        assertEquals(DecodingFailure.UNDECODABLE_EVENT, failure.reason());
        assertTrue(failure.getMessage().contains("3 bytes"), failure.getMessage());
    }

    @Test
    void aWrongMagicByteIsUndecodable() {
        byte[] event = encoder.encode("studies", false, TestEvents.imageStudy("study-1"));
        event[0] = 1;

        assertEquals(DecodingFailure.UNDECODABLE_EVENT, failureOf(event).reason());
    }

    @Test
    void aGarbageBodyIsUndecodable() {
        byte[] event = encoder.encode("studies", false, TestEvents.imageStudy("study-1"));
        // The first field is a string; 0x01 is its length in zig-zag: -1.
        byte[] garbage = Arrays.copyOf(event, WireFormat.HEADER_LENGTH + 1);
        garbage[WireFormat.HEADER_LENGTH] = 0x01;

        assertEquals(DecodingFailure.UNDECODABLE_EVENT, failureOf(garbage).reason());
    }

    @Test
    void aTruncatedBodyIsUndecodable() {
        byte[] event = encoder.encode("studies", false, TestEvents.imageStudy("study-1"));

        assertEquals(DecodingFailure.UNDECODABLE_EVENT, failureOf(Arrays.copyOf(event, event.length - 3)).reason());
    }

    @Test
    void bytesLeftOverAreUndecodable() {
        byte[] event = encoder.encode("studies", false, TestEvents.imageStudy("study-1"));
        byte[] longer = Arrays.copyOf(event, event.length + 2);

        EventDecodingException failure = failureOf(longer);
        assertEquals(DecodingFailure.UNDECODABLE_EVENT, failure.reason());
        assertTrue(failure.getMessage().contains("left over"), failure.getMessage());
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsUnknown() {
        byte[] event = encoder.encode("studies", false, TestEvents.imageStudy("study-1"));
        ByteBuffer.wrap(event).putInt(1, 999);

        EventDecodingException failure = failureOf(event);
        assertEquals(DecodingFailure.UNKNOWN_SCHEMA_ID, failure.reason());
        assertFalse(failure.isTransient());
        assertTrue(failure.getMessage().contains("999"), failure.getMessage());
    }

    @Test
    void anotherRecordTypeIsTheWrongRecordType() {
        byte[] rejected = encoder.encode("studies", false, TestEvents.studyRejected());

        EventDecodingException failure = failureOf(rejected);
        assertEquals(DecodingFailure.WRONG_RECORD_TYPE, failure.reason());
        assertTrue(failure.getMessage().contains("io.flowseg.events.StudyRejected"), failure.getMessage());
    }

    @Test
    void aStringWhereARecordIsExpectedIsTheWrongRecordType() {
        assertEquals(DecodingFailure.WRONG_RECORD_TYPE, failureOf(encoder.encode("studies", false, "study-1")).reason());
    }

    @Test
    void anUnresolvableVersionOfTheSameRecordIsUndecodable() {
        // studyId as an int: same record name, but no int can be read as a string.
        Schema unresolvable = new Schema.Parser().parse(ImageStudy.getClassSchema().toString()
                .replaceFirst("\"name\":\"studyId\",\"type\":\\{\"type\":\"string\",\"avro.java.string\":\"String\"}",
                        "\"name\":\"studyId\",\"type\":\"int\""));
        assertEquals(Schema.Type.INT, unresolvable.getField("studyId").schema().getType());
        int id = registry.register("studies-value", unresolvable);

        EventDecodingException failure = failureOf(ByteBuffer.allocate(6).put((byte) 0).putInt(id).put((byte) 2).array());
        assertEquals(DecodingFailure.UNDECODABLE_EVENT, failure.reason());
        assertTrue(failure.getMessage().contains("TYPE_MISMATCH"), failure.getMessage());
    }

    @Test
    void anOlderVersionDecodesWithTheNewFieldsDefaults() {
        ImageStudy study = ImageStudy.newBuilder(TestEvents.imageStudy("study-1")).setPriority(StudyPriority.STAT).build();
        byte[] v1Event = encoder.encode("studies", false, TestEvents.asV1(study));

        ImageStudy decoded = decoder.decode(v1Event);
        assertAll(
                () -> assertEquals("study-1", decoded.getStudyId()),
                () -> assertEquals(TestEvents.ACQUIRED, decoded.getAcquisitionTime()),
                () -> assertEquals(study.getImage().getPixels(), decoded.getImage().getPixels()),
                () -> assertEquals(7L, decoded.getSampling().getSeed()),
                () -> assertNull(decoded.getImage().getPixelSpacing()),
                () -> assertNull(decoded.getSampling().getModel()),
                () -> assertEquals(StudyPriority.ROUTINE, decoded.getPriority(), "a study without a priority is routine"));
    }

    @Test
    void aVersion3EventDecodesWithoutAPresetAndKeepsItsOtherSettings() {
        ImageStudy study = ImageStudy.newBuilder(TestEvents.imageStudy("study-1")).setPriority(StudyPriority.URGENT).build();
        study.getSampling().setPreset("fast");
        byte[] v3Event = encoder.encode("studies", false, TestEvents.asWrittenWith(TestEvents.imageStudyV3(), study));

        ImageStudy decoded = decoder.decode(v3Event);
        assertAll(
                () -> assertNull(decoded.getSampling().getPreset(), "version 3 has no preset: the service's default"),
                () -> assertEquals("small-64", decoded.getSampling().getModel()),
                () -> assertEquals(4, decoded.getSampling().getSamples()),
                () -> assertEquals(StudyPriority.URGENT, decoded.getPriority()));
        assertEquals("fast", decoder.decode(encoder.encode("studies", false, study)).getSampling().getPreset(),
                "the current schema carries it");
    }

    @Test
    void anUnreachableRegistryIsTransient() {
        byte[] event = encoder.encode("studies", false, TestEvents.imageStudy("study-1"));
        registry.failWith(new SchemaRegistryException("no answer from the schema registry", new ConnectException()));

        EventDecodingException failure = failureOf(event);
        assertEquals(DecodingFailure.REGISTRY_UNAVAILABLE, failure.reason());
        assertTrue(failure.isTransient());
    }

    @Test
    void aRegistryRefusingThisClientIsNotTheEventsFault() {
        byte[] event = encoder.encode("studies", false, TestEvents.imageStudy("study-1"));
        registry.failWith(new SchemaRegistryException(401, 401, "the schema registry answered 401: Unauthorized"));

        EventDecodingException failure = failureOf(event);
        assertEquals(DecodingFailure.REGISTRY_UNAVAILABLE, failure.reason());
        assertTrue(failure.isTransient());
    }

    @Test
    void messagesNeverCarryThePayload() {
        byte[] event = encoder.encode("studies", false, TestEvents.imageStudy("study-secret"));
        byte[] longer = Arrays.copyOf(event, event.length + 1);
        byte[] truncated = Arrays.copyOf(event, event.length - 1);
        byte[] wrongType = encoder.encode("studies", false, "study-secret");

        for (byte[] bad : new byte[][] {longer, truncated, wrongType}) {
            String message = failureOf(bad).getMessage();
            assertFalse(message.contains("study-secret") || message.contains("patient-secret-ref"), message);
        }
    }

    @Test
    void onlyRecordClassesAndStringsCanBeDecodedInto() {
        assertThrows(IllegalArgumentException.class, () -> new AvroEventDecoder<>(registry, Integer.class));
    }

    private EventDecodingException failureOf(byte[] event) {
        return assertThrows(EventDecodingException.class, () -> decoder.decode(event));
    }
}
