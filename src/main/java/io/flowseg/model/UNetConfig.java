package io.flowseg.model;

import io.flowseg.imaging.FieldOfView;
import java.util.List;

/**
 * Architecture of the conditional velocity UNet. It is written into every model file, so a
 * file alone is enough to rebuild its network.
 *
 * @param preset name of the preset this configuration came from ({@code paper}, {@code small} or {@code custom})
 * @param imageChannels channels of the conditioning image X; the network input is concat(x_t, X)
 * @param resolution square input size in pixels; must be divisible by 2^(levels - 1)
 * @param baseChannels width of the first level; the time embedding is 4x this wide
 * @param channelMultipliers width of each level relative to {@code baseChannels}
 * @param residualBlocksPerLevel residual blocks per level on the way down (one more on the way up)
 * @param attentionResolutions feature-map sizes (in pixels) at which self-attention follows each block
 * @param middleAttention whether the bottleneck has self-attention between its two residual blocks
 * @param attentionHeads heads of every self-attention block
 * @param normGroups GroupNorm groups; every width must be divisible by it
 * @param dropout rate of the dropout before each residual block's second convolution, in training
 *                only (0: none; a file written before this field reads as 0)
 * @param fieldOfView centred share of each image side the input covers (a file written before this
 *                    field reads as 1, the whole image)
 * @param stepConditioned whether the network also takes the step size d it will be integrated over
 *                        (a shortcut model, sampled with the {@code shortcut} solver in a few steps;
 *                        a file written before this field reads as false)
 */
public record UNetConfig(
        String preset,
        int imageChannels,
        int resolution,
        int baseChannels,
        List<Integer> channelMultipliers,
        int residualBlocksPerLevel,
        List<Integer> attentionResolutions,
        boolean middleAttention,
        int attentionHeads,
        int normGroups,
        double dropout,
        Double fieldOfView,
        Boolean stepConditioned) {

    public UNetConfig {
        fieldOfView = fieldOfView == null ? FieldOfView.WHOLE.share() : fieldOfView;
        stepConditioned = stepConditioned != null && stepConditioned;
        require(fieldOfView > 0 && fieldOfView <= 1, "fieldOfView must lie in (0, 1]");
        channelMultipliers = List.copyOf(channelMultipliers);
        attentionResolutions = List.copyOf(attentionResolutions);
        require(imageChannels >= 1, "imageChannels must be at least 1");
        require(!channelMultipliers.isEmpty(), "channelMultipliers must not be empty");
        require(residualBlocksPerLevel >= 1, "residualBlocksPerLevel must be at least 1");
        require(attentionHeads >= 1, "attentionHeads must be at least 1");
        require(dropout >= 0 && dropout < 1, "dropout must lie in [0, 1)");
        int downFactor = 1 << (channelMultipliers.size() - 1);
        require(resolution >= downFactor && resolution % downFactor == 0,
                "resolution " + resolution + " must be a positive multiple of " + downFactor);
        for (int multiplier : channelMultipliers) {
            int width = multiplier * baseChannels;
            require(width > 0 && width % normGroups == 0,
                    "level width " + width + " must be divisible by normGroups " + normGroups);
            require(width % attentionHeads == 0,
                    "level width " + width + " must be divisible by attentionHeads " + attentionHeads);
        }
    }

    /** A configuration without dropout. */
    public UNetConfig(String preset, int imageChannels, int resolution, int baseChannels,
                      List<Integer> channelMultipliers, int residualBlocksPerLevel, List<Integer> attentionResolutions,
                      boolean middleAttention, int attentionHeads, int normGroups) {
        this(preset, imageChannels, resolution, baseChannels, channelMultipliers, residualBlocksPerLevel,
                attentionResolutions, middleAttention, attentionHeads, normGroups, 0, null, false);
    }

    /** The same network with another dropout rate. */
    public UNetConfig withDropout(double rate) {
        return new UNetConfig(preset, imageChannels, resolution, baseChannels, channelMultipliers,
                residualBlocksPerLevel, attentionResolutions, middleAttention, attentionHeads, normGroups, rate,
                fieldOfView, stepConditioned);
    }

    /** The same network looking at another centred share of each image. */
    public UNetConfig withFieldOfView(FieldOfView view) {
        return new UNetConfig(preset, imageChannels, resolution, baseChannels, channelMultipliers,
                residualBlocksPerLevel, attentionResolutions, middleAttention, attentionHeads, normGroups, dropout,
                view.share(), stepConditioned);
    }

    /** The same network, also conditioned on the step size (a shortcut model). */
    public UNetConfig withStepConditioning() {
        return new UNetConfig(preset, imageChannels, resolution, baseChannels, channelMultipliers,
                residualBlocksPerLevel, attentionResolutions, middleAttention, attentionHeads, normGroups, dropout,
                fieldOfView, true);
    }

    /** The centred part of each image the input covers. */
    public FieldOfView view() {
        return new FieldOfView(fieldOfView);
    }

    /** The reference network of the paper (about 23 M parameters at one image channel). */
    public static UNetConfig paper(int imageChannels, int resolution) {
        return new UNetConfig("paper", imageChannels, resolution, 64, List.of(1, 2, 4, 4), 2,
                List.of(resolution / 2), true, 4, 32);
    }

    /** A CPU-sized network (about 2 M parameters) with attention only in the bottleneck. */
    public static UNetConfig small(int imageChannels, int resolution) {
        return new UNetConfig("small", imageChannels, resolution, 24, List.of(1, 2, 3, 3), 2,
                List.of(), true, 4, 8);
    }

    /** Looks a preset up by name. */
    public static UNetConfig preset(String name, int imageChannels, int resolution) {
        return switch (name) {
            case "paper" -> paper(imageChannels, resolution);
            case "small" -> small(imageChannels, resolution);
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (known: paper, small)");
        };
    }

    /** Width of the sinusoidal time features, before the embedding MLP. */
    public int timeFeatures() {
        return baseChannels;
    }

    /** Width of the time embedding fed to every residual block. */
    public int timeEmbedding() {
        return 4 * baseChannels;
    }

    int levelChannels(int level) {
        return channelMultipliers.get(level) * baseChannels;
    }

    int levels() {
        return channelMultipliers.size();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
