package io.flowseg.evaluation;

/** Test helper: masks written as strings of 0/1, e.g. "1100". */
final class Masks {

    private Masks() {
    }

    static boolean[] mask(String bits) {
        boolean[] mask = new boolean[bits.length()];
        for (int i = 0; i < bits.length(); i++) {
            mask[i] = bits.charAt(i) == '1';
        }
        return mask;
    }

    static boolean[][] masks(String... bits) {
        boolean[][] masks = new boolean[bits.length][];
        for (int i = 0; i < bits.length; i++) {
            masks[i] = mask(bits[i]);
        }
        return masks;
    }
}
