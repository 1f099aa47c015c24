package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.report.BaselineRow;

/**
 * Turns a session's baselines into rows of the {@code baselines/} table; each row's {@code source}
 * is its feature's ({@link Baseline#sourceOf}).
 */
public final class BaselineRows {
    private BaselineRows() {}

    public static List<BaselineRow> of(SessionInfo info, Map<Role, Baseline> baselines) {
        List<BaselineRow> rows = new ArrayList<>();
        for (Map.Entry<Role, Baseline> e : baselines.entrySet()) {
            for (Map.Entry<Feature, FeatureBaseline> f : e.getValue().features().entrySet()) {
                BaselineRow r = new BaselineRow();
                r.sessionId = info.sessionId;
                r.role = e.getKey().id();
                r.person = StoredBaselines.person(info, e.getKey());
                r.sessionNumber = info.sessionNumber;
                r.sessionDate = info.sessionDate;
                r.feature = f.getKey().column();
                r.median = f.getValue().median();
                r.mad = f.getValue().mad();
                r.windows = f.getValue().count();
                r.source = e.getValue().sourceOf(f.getKey());
                rows.add(r);
            }
        }
        return rows;
    }
}
