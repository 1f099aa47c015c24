package org.sessionreview.jobs.sampledata;

/**
 * The sample grid of one regular E4 channel: sample {@code i} is taken {@code i / rateHz}
 * seconds after the device started, i.e. at media time {@code i / rateHz - leadS}.
 */
record Timeline(double rateHz, int samples, int leadS) {
    static Timeline of(WearerPlan w, double rateHz) {
        return new Timeline(rateHz, (int) Math.round(w.recordingS() * rateHz), w.leadS());
    }

    /** Media time of sample {@code i}, seconds (negative before media start). */
    double mediaTime(int i) {
        return i / rateHz - leadS;
    }

    /** Time since the device started for sample {@code i}, seconds. */
    double deviceTime(int i) {
        return i / rateHz;
    }
}
