package org.sessionreview.signal.synchrony;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.report.SynchronyRow;

/** Turns {@link SynchronyWindow}s into {@link SynchronyRow}s of the {@code synchrony/} table. */
public final class SynchronyRows {
    private SynchronyRows() {}

    /**
     * One row; NaN values become null, {@code duringRupture} stays null for the integrator.
     *
     * @param sessionId the session
     * @param signal the signal name, e.g. {@code eda}
     * @param w the window
     */
    public static SynchronyRow of(String sessionId, String signal, SynchronyWindow w) {
        SynchronyRow r = new SynchronyRow();
        r.sessionId = sessionId;
        r.signal = signal;
        r.startS = w.startS();
        r.endS = w.endS();
        r.zLag0 = orNull(w.zLag0());
        r.meanAbsZ = orNull(w.meanAbsZ());
        r.peakLagS = orNull(w.peakLagS());
        r.peakZ = orNull(w.peakZ());
        r.clientLeadsZ = orNull(w.clientLeadsZ());
        r.therapistLeadsZ = orNull(w.therapistLeadsZ());
        r.leader = w.leader().label();
        r.validShare = w.validShare();
        r.status = w.status().label();
        return r;
    }

    /** One row per window, in order. */
    public static List<SynchronyRow> of(String sessionId, String signal, List<SynchronyWindow> windows) {
        List<SynchronyRow> rows = new ArrayList<>(windows.size());
        for (SynchronyWindow w : windows) {
            rows.add(of(sessionId, signal, w));
        }
        return rows;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
