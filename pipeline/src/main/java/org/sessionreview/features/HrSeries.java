package org.sessionreview.features;

import java.util.List;
import org.sessionreview.model.SignalChunk;
import org.sessionreview.signal.cardiac.Beat;

/**
 * Heart rate as a uniformly sampled series for dyadic synchrony (DOMAIN.md 4.3: HR where both
 * wearers have it): at each sample time t, 60000 / the accepted interval that covers t (the
 * beat after t whose interval began at or before t), as NeuroKit2's instantaneous rate; NaN
 * where no accepted interval covers t or the covering interval is longer than {@link
 * #MAX_INTERVAL_MS}.
 */
final class HrSeries {
    /** Default rate of the series, Hz (as the EDA). */
    static final double RATE_HZ = 4;

    static final double MAX_INTERVAL_MS = 2_000;

    private HrSeries() {}

    /** The chunk for {@code [fromMillis, toMillis)} from accepted beats in time order (epoch ms). */
    static SignalChunk chunk(String sessionId, String role, List<Beat> beats, double fromMillis, double toMillis) {
        int n = (int) Math.floor((toMillis - fromMillis) * RATE_HZ / 1000.0 + 1e-9);
        double[] hr = new double[Math.max(0, n)];
        int j = 0;
        for (int i = 0; i < hr.length; i++) {
            double t = fromMillis + i * 1000.0 / RATE_HZ;
            while (j < beats.size() && beats.get(j).tMillis() < t) {
                j++;
            }
            hr[i] = Double.NaN;
            if (j < beats.size()) {
                Beat b = beats.get(j);
                double ibi = b.ibiMs();
                if (Double.isFinite(ibi) && ibi > 0 && ibi <= MAX_INTERVAL_MS && b.tMillis() - ibi <= t) {
                    hr[i] = 60_000.0 / ibi;
                }
            }
        }
        SignalChunk c = new SignalChunk();
        c.sessionId = sessionId;
        c.role = role;
        c.signal = "hr";
        c.startMillis = fromMillis;
        c.rateHz = RATE_HZ;
        c.values = hr;
        return c;
    }
}
