package io.flowseg.service;

import io.flowseg.events.ImageStudy;
import io.flowseg.events.PixelEncoding;
import io.flowseg.events.PixelType;
import io.flowseg.events.SamplingRequest;
import io.flowseg.events.StudyImage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** ImageStudy events for tests: a 48 x 40 raw uint8 image with a bright disc, cheap sampling settings. */
final class StudyEvents {
    static final int WIDTH = 48;
    static final int HEIGHT = 40;
    /** Two days before the test run: inside every statistics retention, outside the current windows. */
    static final Instant ACQUIRED = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

    private StudyEvents() {
    }

    static ImageStudy.Builder study(String studyId) {
        return ImageStudy.newBuilder()
                .setStudyId(studyId)
                .setSeriesId(studyId + ".1")
                .setInstanceId(studyId + ".1.1")
                .setPatientRef("PSEUDO-" + studyId)
                .setSite("site-a")
                .setModality("CT")
                .setBodyPart("CHEST")
                .setAcquisitionTime(ACQUIRED)
                .setImage(image())
                .setSampling(cheap());
    }

    static SamplingRequest cheap() {
        return SamplingRequest.newBuilder().setSamples(2).setSteps(2).setSolver("euler").setGuidance(0.3f)
                .build();
    }

    static StudyImage image() {
        return image(WIDTH, HEIGHT);
    }

    /** The bright disc at the centre of a width x height image. */
    static StudyImage image(int width, int height) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double r = Math.hypot(x - width / 2.0, y - height / 2.0);
                pixels[y * width + x] = (byte) (r < 9 ? 220 : 40 + (x + y) % 7);
            }
        }
        return StudyImage.newBuilder()
                .setWidth(width)
                .setHeight(height)
                .setChannels(1)
                .setPixelType(PixelType.UINT8)
                .setEncoding(PixelEncoding.RAW_LE)
                .setPixels(ByteBuffer.wrap(pixels))
                .build();
    }
}
