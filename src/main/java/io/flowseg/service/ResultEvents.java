package io.flowseg.service;

import io.flowseg.engine.StudyResult;
import io.flowseg.events.EncodedMap;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.MapEncoding;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.SettingsUsed;
import io.flowseg.events.StudyRef;
import io.flowseg.events.Timings;
import io.flowseg.events.UncertaintyFigures;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.imaging.ImagePreview;
import io.flowseg.imaging.MapImages;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.uncertainty.UncertaintyFigure;
import io.flowseg.uncertainty.UncertaintySummary;
import java.nio.ByteBuffer;
import java.time.Instant;

/** The result events of one segmented study, as the Avro contract in {@code schemas/} defines them. */
public final class ResultEvents {
    private final String modelName;
    private final String modelVersion;
    private final double uncertainLevel;
    private final int previewSize;

    /**
     * @param modelName    the model the results name as theirs, with its version
     * @param previewSize  longer side of the image preview in segmentation results; 0 leaves previews out
     */
    public ResultEvents(String modelName, String modelVersion, double uncertainLevel, int previewSize) {
        this.modelName = modelName;
        this.modelVersion = modelVersion;
        this.uncertainLevel = uncertainLevel;
        this.previewSize = previewSize;
    }

    /** The scope of a study as results carry it: ids, site, modality, body part, acquisition time; never the patient. */
    public static StudyRef reference(ImageStudy event) {
        return StudyRef.newBuilder()
                .setStudyId(event.getStudyId())
                .setSeriesId(event.getSeriesId())
                .setInstanceId(event.getInstanceId())
                .setSite(event.getSite())
                .setModality(event.getModality())
                .setBodyPart(event.getBodyPart())
                .setAcquisitionTime(event.getAcquisitionTime())
                .build();
    }

    /** What a result was computed with; built once per study and shared by its events. */
    public SettingsUsed settings(StudyResult result) {
        SamplingSettings s = result.study().settings();
        return SettingsUsed.newBuilder()
                .setSamples(s.samples())
                .setGuidance(s.guidance())
                .setSteps(s.steps())
                .setSolver(s.solver().id())
                .setSeed(result.seed())
                .setModelName(modelName)
                .setModelVersion(modelVersion)
                .setPreset(s.preset())
                .build();
    }

    public static Timings timings(long queuedMs, long samplingMs, long endToEndMs, Instant completedAt) {
        return Timings.newBuilder()
                .setQueuedMs(queuedMs)
                .setSamplingMs(samplingMs)
                .setEndToEndMs(endToEndMs)
                .setCompletedAt(completedAt)
                .build();
    }

    public SegmentationResult segmentation(StudyRef study, StudyResult result, SettingsUsed settings,
                                           Timings timings) {
        UncertaintySummary summary = result.summary();
        return SegmentationResult.newBuilder()
                .setStudy(study)
                .setConsensusMask(map(MapEncoding.PNG_BINARY, 1f,
                        MapImages.maskPng(result.consensusMask(), result.width(), result.height()), result))
                .setMeanProbability(map(MapEncoding.PNG_GRAY16, 1f,
                        MapImages.gray16Png(result.meanMap(), result.width(), result.height(), 1f), result))
                .setForegroundAreaPixels(summary.foregroundAreaPixels())
                .setForegroundAreaMm2(summary.foregroundAreaMm2())
                .setSettings(settings)
                .setTimings(timings)
                .setImagePreview(previewSize > 0 ? preview(ImagePreview.of(result.study().image(), previewSize)) : null)
                .build();
    }

    private static EncodedMap preview(ImagePreview preview) {
        return EncodedMap.newBuilder()
                .setWidth(preview.width())
                .setHeight(preview.height())
                .setEncoding(MapEncoding.PNG_GRAY8)
                .setScale(1f)
                .setData(ByteBuffer.wrap(preview.png()))
                .build();
    }

    public UncertaintyMap uncertainty(StudyRef study, StudyResult result, SettingsUsed settings, Timings timings) {
        return UncertaintyMap.newBuilder()
                .setStudy(study)
                .setVariance(map(MapEncoding.PNG_GRAY16, MapImages.MAX_VARIANCE, MapImages.gray16Png(
                        result.varianceMap(), result.width(), result.height(), MapImages.MAX_VARIANCE), result))
                .setSummary(figures(result.summary()))
                .setUncertainLevel(uncertainLevel)
                .setSettings(settings)
                .setTimings(timings)
                .build();
    }

    private static EncodedMap map(MapEncoding encoding, float scale, byte[] png, StudyResult result) {
        return EncodedMap.newBuilder()
                .setWidth(result.width())
                .setHeight(result.height())
                .setEncoding(encoding)
                .setScale(scale)
                .setData(ByteBuffer.wrap(png))
                .build();
    }

    /** Field by field as the figure catalogue names them: the record's fields are the figures' ids. */
    static UncertaintyFigures figures(UncertaintySummary s) {
        UncertaintyFigures record = new UncertaintyFigures();
        for (UncertaintyFigure figure : UncertaintyFigure.values()) {
            record.put(figure.id(), figure.numberIn(s));
        }
        return record;
    }
}
