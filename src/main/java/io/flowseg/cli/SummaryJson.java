package io.flowseg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flowseg.engine.StudyResult;
import io.flowseg.model.ModelInfo;
import io.flowseg.uncertainty.PixelSize;
import io.flowseg.uncertainty.UncertaintySummary;
import java.io.IOException;
import java.nio.file.Path;

/** summary.json: every setting used and every figure, so a run can be reproduced and compared. */
final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record ImageFacts(int width, int height, int channels, PixelSize spacingMm) {
    }

    /** {@code preset} is null when explicit steps or solver replaced the preset's. */
    record Document(String study, int samples, float guidance, int steps, String solver, String preset, long seed,
                    String seedSource, ModelInfo model, ImageFacts image, UncertaintySummary figures,
                    long networkEvaluations, int forwardPasses, double seconds, String device) {
    }

    private SummaryJson() {
    }

    static void write(Path file, StudyResult result, ModelInfo model, String seedSource, String device,
                      double seconds) throws IOException {
        var study = result.study();
        var settings = study.settings();
        var samples = result.samples();
        JSON.writeValue(file.toFile(), new Document(study.id(), settings.samples(), settings.guidance(),
                settings.steps(), settings.solver().id(), settings.preset(), result.seed(), seedSource, model,
                new ImageFacts(study.image().width(), study.image().height(), study.image().channels(), study.spacing()),
                result.summary(), samples.networkEvaluations(), samples.forwardPasses(), seconds, device));
    }
}
