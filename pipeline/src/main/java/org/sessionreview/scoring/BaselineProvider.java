package org.sessionreview.scoring;

import java.io.Serializable;
import java.util.List;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;

/**
 * Chooses the baseline of one wearer of one session. The default, {@link #CALIBRATION}, uses
 * the calibration stretch (DOMAIN.md 4.0); other providers can use a coded BASELINE stretch
 * from the annotations, or a stored per-client baseline keyed by {@code info.clientKey}.
 * Serializable so that a Flink operator can hold one.
 */
@FunctionalInterface
public interface BaselineProvider extends Serializable {

    /** Calibration stretch with whole-session fallback ({@link BaselineEstimator#calibration}). */
    BaselineProvider CALIBRATION =
            (info, role, windows, annotations, cfg) -> BaselineEstimator.calibration(windows, cfg);

    /**
     * @param info the session
     * @param role the wearer
     * @param wearerWindows that wearer's unscored windows, sorted by start
     * @param annotations the session's annotations (for coded stretches)
     */
    Baseline baselineFor(
            SessionInfo info,
            Role role,
            List<WindowFeatures> wearerWindows,
            List<Annotation> annotations,
            ScoringConfig cfg);
}
