package org.sessionreview.scoring;

import java.util.List;
import java.util.Locale;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;

/**
 * Chooses each wearer's baseline, first source that applies:
 *
 * <ol>
 *   <li>a coded {@code BASELINE} stretch in the session's annotations (actor dyad or the wearer;
 *       the first one with an end, of at least {@link #MIN_CODED_SECONDS}), so a site that codes
 *       a resting period uses it;
 *   <li>a stored baseline for this person from earlier runs ({@code --baselines FILE}), when one
 *       is given and holds the person;
 *   <li>the calibration stretch (default minutes 2-6), falling back to the whole session
 *       ({@link BaselineEstimator#calibration}).
 * </ol>
 * The chosen source is recorded in {@link Baseline#source()} and so in the session row.
 */
public final class CodedBaselineProvider implements BaselineProvider {
    private static final long serialVersionUID = 1L;

    /** Shortest coded BASELINE stretch that is used, seconds (four 30 s windows with a 5 s hop need 45 s). */
    public static final double MIN_CODED_SECONDS = 60;

    private final StoredBaselines stored;

    /** @param stored baselines from earlier runs; {@link StoredBaselines#none()} for none */
    public CodedBaselineProvider(StoredBaselines stored) {
        this.stored = stored;
    }

    @Override
    public Baseline baselineFor(
            SessionInfo info,
            Role role,
            List<WindowFeatures> wearerWindows,
            List<Annotation> annotations,
            ScoringConfig cfg) {
        for (Annotation a : annotations) {
            boolean forWearer = "dyad".equals(a.actor) || role.id().equals(a.actor);
            if ("BASELINE".equals(a.code) && forWearer && a.endS != null && a.endS - a.startS >= MIN_CODED_SECONDS) {
                return BaselineEstimator.fromStretch(
                        wearerWindows,
                        a.startS,
                        a.endS,
                        String.format(
                                Locale.ROOT,
                                "coded BASELINE %.0f-%.0f s (%s line %d)",
                                a.startS,
                                a.endS,
                                a.sourceFile,
                                a.sourceLine),
                        cfg);
            }
        }
        Baseline fromFile = stored.lookup(StoredBaselines.person(info, role));
        if (fromFile != null) {
            return fromFile;
        }
        return BaselineEstimator.calibration(wearerWindows, cfg);
    }
}
