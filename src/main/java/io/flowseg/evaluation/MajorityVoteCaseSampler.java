package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.imaging.ModelInputPreparer;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.VelocityField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The deterministic baseline: a plain segmentation network trained on the raters' majority vote
 * (the {@code majority-vote} objective: the UNet with its noisy input and time held at zero,
 * outputting logits). Every one of its M samples is the same probability map, so its variance is
 * zero; M only makes the pairwise metrics comparable with the flow model's.
 */
public final class MajorityVoteCaseSampler implements CaseSampler {
    private final VelocityField network;
    private final int samples;
    private final int maxBatch;
    private final String model;

    /**
     * @param network  the baseline network, run through the velocity-field interface with x = 0 and t = 0
     * @param samples  copies of the prediction per case
     * @param maxBatch cases per forward pass
     * @param model    name of the model, for the description
     */
    public MajorityVoteCaseSampler(VelocityField network, int samples, int maxBatch, String model) {
        if (samples < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("samples and maxBatch must be at least 1");
        }
        this.network = network;
        this.samples = samples;
        this.maxBatch = maxBatch;
        this.model = model;
    }

    @Override
    public String name() {
        return "majority-vote";
    }

    @Override
    public String describe() {
        return "deterministic majority-vote baseline, model " + model + ", one prediction repeated M=" + samples;
    }

    @Override
    public List<CaseSamples> sample(List<MultiRaterCase> cases, SamplingProgress progress) {
        int resolution = network.resolution();
        int plane = resolution * resolution;
        ModelInputPreparer preparer = new ModelInputPreparer(network.imageChannels(), resolution, network.view());
        List<CaseSamples> results = new ArrayList<>(cases.size());
        int passes = (cases.size() + maxBatch - 1) / maxBatch;
        for (int first = 0, pass = 0; first < cases.size(); first += maxBatch, pass++) {
            List<MultiRaterCase> chunk = cases.subList(first, Math.min(cases.size(), first + maxBatch));
            int imageLength = network.imageChannels() * plane;
            float[] images = new float[chunk.size() * imageLength];
            for (int i = 0; i < chunk.size(); i++) {
                System.arraycopy(preparer.prepare(chunk.get(i).image()), 0, images, i * imageLength, imageLength);
            }
            float[] logits = network.evaluate(new float[chunk.size() * plane], images, new float[chunk.size()],
                    chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                results.add(repeated(chunk.get(i), Arrays.copyOfRange(logits, i * plane, (i + 1) * plane), resolution));
            }
            progress.update(pass + 1, passes);
        }
        return results;
    }

    private CaseSamples repeated(MultiRaterCase input, float[] logits, int resolution) {
        float[] probability = new float[logits.length];
        for (int p = 0; p < logits.length; p++) {
            probability[p] = (float) (1 / (1 + Math.exp(-logits[p])));
        }
        float[] original = network.view().toImage(probability, resolution, input.image().width(),
                input.image().height());
        float[][] copies = new float[samples][];
        Arrays.fill(copies, original);
        return new CaseSamples(copies, 1);
    }
}
