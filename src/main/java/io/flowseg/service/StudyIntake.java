package io.flowseg.service;

import io.flowseg.engine.Priority;
import io.flowseg.engine.Study;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.PixelEncoding;
import io.flowseg.events.PixelSpacing;
import io.flowseg.events.StudyImage;
import io.flowseg.events.StudyPriority;
import io.flowseg.imaging.EncodedImageDecoder;
import io.flowseg.imaging.Image;
import io.flowseg.imaging.ImageLimits;
import io.flowseg.imaging.ImageRejectedException;
import io.flowseg.imaging.ModelInputPreparer;
import io.flowseg.imaging.RawImageDecoder;
import io.flowseg.imaging.RejectionReason;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.uncertainty.PixelSize;
import io.flowseg.wire.AvroBytes;
import io.flowseg.wire.SampleTypes;

/**
 * Turns a decoded ImageStudy event into a study the engine can sample, or rejects it with a
 * reason: blank ids, images that cannot be decoded or disagree with their declared shape, pixels
 * the model cannot use, settings outside the limits, another model than the one served. Everything
 * is checked here, before dispatch, so a bad study never reaches (or fails) a shared batch.
 */
public final class StudyIntake {
    private final SamplingPolicy sampling;
    private final RawImageDecoder rawDecoder;
    private final EncodedImageDecoder encodedDecoder;
    private final ModelInputPreparer modelInput;
    private final String modelName;

    /**
     * @param modelName the served model's name; a request naming another is rejected
     */
    public StudyIntake(SamplingPolicy sampling, ImageLimits imageLimits, ModelInputPreparer modelInput,
                       String modelName) {
        this.sampling = sampling;
        this.rawDecoder = new RawImageDecoder(imageLimits);
        this.encodedDecoder = new EncodedImageDecoder(imageLimits);
        this.modelInput = modelInput;
        this.modelName = modelName;
    }

    public Study admit(ImageStudy event) throws StudyRejectedException {
        requireId("studyId", event.getStudyId());
        requireId("seriesId", event.getSeriesId());
        requireId("instanceId", event.getInstanceId());
        SamplingSettings settings = sampling.resolve(event.getSampling());
        String requestedModel = event.getSampling() != null ? event.getSampling().getModel() : null;
        if (requestedModel != null && !requestedModel.equals(modelName)) {
            throw new StudyRejectedException(RejectReason.Service.UNKNOWN_MODEL,
                    "model '" + requestedModel + "' was requested; this service runs '" + modelName + "'");
        }
        StudyImage declared = event.getImage();
        try {
            Image image = decode(declared);
            modelInput.prepare(image); // channels, finite, not constant: fails here rather than in a batch
            return new Study(event.getStudyId(), image, spacing(declared), settings, null);
        } catch (ImageRejectedException e) {
            throw new StudyRejectedException(RejectReason.of(e.reason()), e.getMessage(), e);
        }
    }

    private Image decode(StudyImage declared) throws StudyRejectedException {
        byte[] pixels = AvroBytes.copy(declared.getPixels());
        if (declared.getEncoding() == PixelEncoding.RAW_LE) {
            return rawDecoder.decode(pixels, declared.getWidth(), declared.getHeight(), declared.getChannels(),
                    SampleTypes.of(declared.getPixelType()));
        }
        Image image = encodedDecoder.decode(pixels);
        if (image.width() != declared.getWidth() || image.height() != declared.getHeight()
                || image.channels() != declared.getChannels()) {
            throw new StudyRejectedException(RejectReason.Service.DIMENSION_MISMATCH, "declared "
                    + declared.getWidth() + "x" + declared.getHeight() + "x" + declared.getChannels() + " but the "
                    + declared.getEncoding() + " holds " + image.width() + "x" + image.height() + "x" + image.channels());
        }
        return image;
    }

    private static PixelSize spacing(StudyImage declared) throws StudyRejectedException {
        PixelSpacing spacing = declared.getPixelSpacing();
        if (spacing == null) {
            return null;
        }
        try {
            return new PixelSize(spacing.getRowMm(), spacing.getColumnMm());
        } catch (IllegalArgumentException e) {
            throw new StudyRejectedException(RejectReason.of(RejectionReason.INVALID_DIMENSIONS), "pixel spacing: " + e.getMessage());
        }
    }

    private static void requireId(String field, String value) throws StudyRejectedException {
        if (value == null || value.isBlank()) {
            throw new StudyRejectedException(RejectReason.Service.MISSING_ID, field + " is blank");
        }
    }


    /** How soon the event's study must start. An exhaustive switch, so a symbol added to the schema fails the build here. */
    public static Priority priority(StudyPriority priority) {
        return switch (priority) {
            case STAT -> Priority.STAT;
            case URGENT -> Priority.URGENT;
            case ROUTINE -> Priority.ROUTINE;
        };
    }
}
