package io.flowseg.evaluation;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * HM-IoU: optimal one-to-one matching of the M samples to M rater slots, mean matched IoU.
 *
 * <p>Raters are repeated to M slots: if M is a multiple of E each rater fills M/E consecutive slots;
 * otherwise the rater list is repeated cyclically up to M entries (so with M &lt; E only the first M
 * raters take part). Cost = 1 - IoU, solved with JGraphT's Kuhn-Munkres on a complete bipartite graph.
 *
 * <p>Under {@link EmptyPairConvention#SKIP} an empty-empty pair costs 0 for the matching (a perfect
 * match, as under SCORE_ONE, so the assignment itself does not depend on the convention), and matched
 * empty-empty pairs are then left out of the mean; NaN if every matched pair is skipped.
 */
public final class HungarianMatchedIoU {

    private HungarianMatchedIoU() {
    }

    public static double compute(boolean[][] samples, boolean[][] raters, EmptyPairConvention convention) {
        int slots = samples.length;
        int[] raterOfSlot = raterSlots(raters.length, slots);

        SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Set<Integer> sampleVertices = new LinkedHashSet<>();
        Set<Integer> slotVertices = new LinkedHashSet<>();
        for (int i = 0; i < slots; i++) {
            graph.addVertex(i);
            sampleVertices.add(i);
            graph.addVertex(slots + i);
            slotVertices.add(slots + i);
        }
        double[][] matchingIoU = PairwiseScores.crossMatrix(samples, raters,
                (a, b) -> MaskOverlap.iou(a, b, EmptyPairConvention.SCORE_ONE));
        for (int s = 0; s < slots; s++) {
            for (int k = 0; k < slots; k++) {
                DefaultWeightedEdge edge = graph.addEdge(s, slots + k);
                graph.setEdgeWeight(edge, 1.0 - matchingIoU[s][raterOfSlot[k]]);
            }
        }

        var matching = new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, sampleVertices, slotVertices)
                .getMatching();
        double[] matched = new double[slots];
        int k = 0;
        for (DefaultWeightedEdge edge : matching.getEdges()) {
            int a = graph.getEdgeSource(edge);
            int b = graph.getEdgeTarget(edge);
            int sample = Math.min(a, b);
            int rater = raterOfSlot[Math.max(a, b) - slots];
            matched[k++] = MaskOverlap.iou(samples[sample], raters[rater], convention);
        }
        return NanStatistics.mean(matched);
    }

    /** Rater index for each of the {@code slots} matching slots (see class comment). */
    static int[] raterSlots(int raterCount, int slots) {
        int[] raterOfSlot = new int[slots];
        boolean evenRepeat = slots % raterCount == 0;
        int repeats = slots / raterCount;
        for (int k = 0; k < slots; k++) {
            raterOfSlot[k] = evenRepeat ? k / repeats : k % raterCount;
        }
        return raterOfSlot;
    }
}
