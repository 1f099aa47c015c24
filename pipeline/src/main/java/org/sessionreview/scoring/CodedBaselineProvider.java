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
 *       the first one with an end that holds at least {@link ScoringConfig#minBaselineWindows()}
 *       usable windows of some feature [12: 85 s with 30 s windows and a 5 s hop]), so a site that
 *       codes a resting period uses it;
 *   <li>a stored baseline for this person from earlier runs ({@code --baselines FILE}), when one
 *       is given and holds the person;
 *   <li>the calibration stretch (default minutes 2-6), falling back to the whole session
 *       ({@link BaselineEstimator#calibration}).
 * </ol>
 * The chosen source is recorded in {@link Baseline#source()} and so in the session row; a coded
 * stretch too short to be used is named there ({@code ...; coded BASELINE 400-475 s not used: 10
 * usable windows, 12 needed}), so a site sees why its rest period did not count.
 */
public final class CodedBaselineProvider implements BaselineProvider {
    private static final long serialVersionUID = 1L;

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
        String notUsed = null;
        for (Annotation a : annotations) {
            boolean forWearer = "dyad".equals(a.actor) || role.id().equals(a.actor);
            if (!"BASELINE".equals(a.code) || !forWearer || a.endS == null) {
                continue;
            }
            String stretch = String.format(Locale.ROOT, "coded BASELINE %.0f-%.0f s", a.startS, a.endS);
            int usable = BaselineEstimator.usableWindows(wearerWindows, a.startS, a.endS, cfg);
            if (usable >= cfg.minBaselineWindows()) {
                return BaselineEstimator.fromStretch(
                        wearerWindows,
                        a.startS,
                        a.endS,
                        String.format(Locale.ROOT, "%s (%s line %d)", stretch, a.sourceFile, a.sourceLine),
                        "coded stretch",
                        cfg);
            }
            if (notUsed == null) {
                notUsed = stretch + " not used: " + usable + " usable windows"
                        + BaselineEstimator.movementNote(wearerWindows, a.startS, a.endS, cfg) + ", "
                        + cfg.minBaselineWindows() + " needed";
            }
        }
        Baseline fromFile = stored.lookup(StoredBaselines.person(info, role));
        Baseline own = BaselineEstimator.calibration(wearerWindows, cfg);
        Baseline chosen = fromFile != null ? fromFile.filledFrom(own) : own;
        return notUsed == null ? chosen : chosen.withNote(notUsed);
    }
}
