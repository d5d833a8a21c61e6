package io.flowseg.dataset;

import java.util.Random;

/** Composes one synthetic scene (image, lesions, rater process) from a seeded random source. */
interface SceneComposer {

    SyntheticScene compose(int size, Random random);
}
