package org.sessionreview.scoring;

import org.sessionreview.model.WindowFeatures;

/** Test factories for {@link WindowFeatures} rows. */
final class Windows {
    static final String SESSION = "S1";

    private Windows() {}

    /** A 30-s window of the given role starting at {@code startS}, all qualities 1, no features. */
    static WindowFeatures window(String role, double startS) {
        WindowFeatures w = new WindowFeatures();
        w.sessionId = SESSION;
        w.role = role;
        w.startS = startS;
        w.endS = startS + 30;
        w.startMillis = 1_700_000_000_000L + Math.round(startS * 1000);
        w.edaQuality = 1;
        w.cardiacQuality = 1;
        w.accQuality = 1;
        w.tempQuality = 1;
        return w;
    }

    /** A client window with only SCL set. */
    static WindowFeatures scl(double startS, double sclUs) {
        WindowFeatures w = window("client", startS);
        w.edaSclUs = sclUs;
        return w;
    }

    /** A client window already scored with the given index (for episode detection). */
    static WindowFeatures indexed(double startS, Double index) {
        WindowFeatures w = window("client", startS);
        w.anxietyIndex = index;
        return w;
    }
}
