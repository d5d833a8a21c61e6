package io.flowseg.dataset;

/**
 * What the {@code lidc} preset draws, in pixels of a 128 px image (scaled to other sizes): one lesion
 * near the centre of a dark lung crop, among bright vessel-like lines and, in some crops, the chest
 * wall; a share of lesions is subtle (small, faint, and seen by few raters).
 *
 * @param radius radius of an ordinary lesion, drawn log-uniform
 * @param subtleRadius radius of a subtle lesion, drawn log-uniform
 * @param subtleShare share of cases whose lesion is subtle
 * @param visibility share of raters who outline an ordinary lesion
 * @param subtleVisibility share of raters who outline a subtle lesion (the "most raters see nothing" cases)
 * @param contrast intensity an ordinary lesion adds (0..1 of the 8-bit range)
 * @param subtleContrast intensity a subtle lesion adds
 * @param centreJitter largest offset of the lesion's centre from the image centre
 * @param vessels how many vessel-like curves cross the crop, and how many vessel cross-sections dot it
 * @param chestWallShare share of crops with the chest wall in view
 * @param raters the raters' iso-levels
 */
public record LidcSceneSettings(Interval radius, Interval subtleRadius, double subtleShare, double visibility,
                                double subtleVisibility, Interval contrast, Interval subtleContrast,
                                double centreJitter, Interval vessels, double chestWallShare, RaterProcess raters) {

    /** Matched to the LIDC sample (`./flowseg synth --preset lidc --compare DIR` prints both). */
    public static final LidcSceneSettings MATCHED = new LidcSceneSettings(new Interval(3, 11.5), new Interval(1.2, 3.2),
            0.3, 0.98, 0.3, new Interval(0.1, 0.4), new Interval(0.05, 0.2), 2.0, new Interval(3, 12), 0.6,
            new RaterProcess(0.25, 0.75));

    public LidcSceneSettings {
        for (double share : new double[] {subtleShare, visibility, subtleVisibility, chestWallShare}) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("shares and visibilities lie in [0, 1], got " + share);
            }
        }
        if (radius.min() <= 0 || subtleRadius.min() <= 0 || centreJitter < 0 || vessels.min() < 0) {
            throw new IllegalArgumentException("radii must be positive, the jitter and vessel count not negative");
        }
    }
}
