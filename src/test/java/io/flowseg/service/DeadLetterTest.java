package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flowseg.config.TopicNames;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.PixelEncoding;
import io.flowseg.events.PixelType;
import io.flowseg.events.SamplingRequest;
import io.flowseg.events.StudyImage;
import io.flowseg.events.StudyRejected;
import io.flowseg.imaging.MapImages;
import io.flowseg.imaging.RejectionReason;
import io.flowseg.wire.AvroBytes;
import io.flowseg.wire.DecodingFailure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad input reaches the dead-letter topic with its reason code, its source position
 * and its original bytes, while the service keeps running (one service serves every case in turn).
 */
class DeadLetterTest {
    private static final TopicNames TOPICS = ServiceHarness.freshTopics();
    private static ServiceHarness harness;
    private static StudyService service;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        service = harness.start(harness.parts(TOPICS, new PlainAvroCodec()), "dlq");
    }

    @AfterAll
    static void stop() {
        service.close();
        harness.close();
    }

    static Stream<Arguments> badEvents() {
        return Stream.of(
                bad(RejectReason.of(DecodingFailure.UNDECODABLE_EVENT), () -> new byte[] {0, 0, 0, 7, 42, -1, -1, -1}),
                bad(RejectReason.Service.MESSAGE_TOO_LARGE, () -> encoded(withImage(raw(300, 300, 1, PixelType.UINT8,
                        new byte[300 * 300])))),
                bad(RejectReason.Service.MISSING_ID, () -> encoded(StudyEvents.study(" ").build())),
                bad(RejectReason.of(RejectionReason.BYTE_LENGTH_MISMATCH), () -> encoded(withImage(raw(48, 40, 1, PixelType.UINT8,
                        new byte[100])))),
                bad(RejectReason.of(RejectionReason.INVALID_DIMENSIONS), () -> encoded(withImage(raw(0, 40, 1, PixelType.UINT8,
                        new byte[0])))),
                bad(RejectReason.of(RejectionReason.IMAGE_TOO_LARGE), () -> encoded(withImage(raw(5000, 2, 1, PixelType.UINT8,
                        new byte[10000])))),
                bad(RejectReason.of(RejectionReason.NON_FINITE_PIXELS), () -> encoded(withImage(raw(8, 8, 1, PixelType.FLOAT32,
                        floats(64, Float.NaN))))),
                bad(RejectReason.of(RejectionReason.CONSTANT_IMAGE), () -> encoded(withImage(raw(8, 8, 1, PixelType.UINT8,
                        filled(64, (byte) 9))))),
                bad(RejectReason.of(RejectionReason.UNSUPPORTED_CHANNELS), () -> encoded(withImage(raw(8, 8, 3, PixelType.UINT8,
                        ramp(192))))),
                bad(RejectReason.of(RejectionReason.UNDECODABLE_IMAGE), () -> encoded(withImage(encodedImage(PixelEncoding.PNG, 8, 8,
                        "not a png".getBytes(StandardCharsets.UTF_8))))),
                bad(RejectReason.Service.DIMENSION_MISMATCH, () -> encoded(withImage(encodedImage(PixelEncoding.PNG, 40, 40,
                        MapImages.grayPng(unitRamp(48 * 40), 48, 40))))),
                bad(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS, () -> encoded(withSampling(
                        SamplingRequest.newBuilder(StudyEvents.cheap()).setSamples(1000).build()))),
                bad(RejectReason.Service.SETTINGS_OUT_OF_BOUNDS, () -> encoded(withSampling(
                        SamplingRequest.newBuilder(StudyEvents.cheap()).setGuidance(-2f).build()))),
                bad(RejectReason.Service.UNKNOWN_SOLVER, () -> encoded(withSampling(
                        SamplingRequest.newBuilder(StudyEvents.cheap()).setSolver("leapfrog").build()))),
                bad(RejectReason.Service.UNKNOWN_MODEL, () -> encoded(withSampling(
                        SamplingRequest.newBuilder(StudyEvents.cheap()).setModel("someone-elses-model").build()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void deadLettersWithItsReason(RejectReason reason, Supplier<byte[]> value) {
        byte[] bytes = value.get();
        byte[] key = ("key-" + reason + "-" + Arrays.hashCode(bytes)).getBytes(StandardCharsets.UTF_8);
        harness.produce(TOPICS.studies(), List.of(new ProducerRecord<>(TOPICS.studies(), key, bytes)));

        List<ConsumerRecord<byte[], byte[]>> read = harness.readUntil(TOPICS.deadLetter(),
                records -> records.stream().anyMatch(r -> Arrays.equals(key, r.key())));
        ConsumerRecord<byte[], byte[]> record = read.stream().filter(r -> Arrays.equals(key, r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + reason));
        StudyRejected rejected = PlainAvroCodec.decode(record.value(), StudyRejected.class);

        assertEquals(reason.code(), rejected.getReasonCode(), rejected.getMessage());
        assertFalse(rejected.getMessage().isBlank());
        assertEquals(TOPICS.studies(), rejected.getSourceTopic());
        assertArrayEquals(bytes, AvroBytes.copy(rejected.getOriginalValue()));
        assertFalse(service.stopped().isDone(), "the service keeps running");
    }

    private static Arguments bad(RejectReason reason, Supplier<byte[]> value) {
        return Arguments.of(reason, value);
    }

    private static byte[] encoded(ImageStudy study) {
        return PlainAvroCodec.encode(study);
    }

    private static ImageStudy withImage(StudyImage image) {
        return StudyEvents.study("bad-image").setImage(image).build();
    }

    private static ImageStudy withSampling(SamplingRequest sampling) {
        return StudyEvents.study("bad-settings").setSampling(sampling).build();
    }

    private static StudyImage raw(int width, int height, int channels, PixelType type, byte[] pixels) {
        return StudyImage.newBuilder(StudyEvents.image()).setWidth(width).setHeight(height).setChannels(channels)
                .setPixelType(type).setEncoding(PixelEncoding.RAW_LE).setPixels(ByteBuffer.wrap(pixels)).build();
    }

    private static StudyImage encodedImage(PixelEncoding encoding, int width, int height, byte[] file) {
        return StudyImage.newBuilder(StudyEvents.image()).setWidth(width).setHeight(height).setChannels(1)
                .setEncoding(encoding).setPixels(ByteBuffer.wrap(file)).build();
    }

    private static byte[] floats(int count, float value) {
        ByteBuffer buffer = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            buffer.putFloat(i == 0 ? 1f : value);
        }
        return buffer.array();
    }

    private static byte[] filled(int count, byte value) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static byte[] ramp(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static float[] unitRamp(int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) i / count;
        }
        return values;
    }

}
