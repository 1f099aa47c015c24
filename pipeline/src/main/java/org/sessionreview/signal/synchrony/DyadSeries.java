package org.sessionreview.signal.synchrony;

/**
 * Both wearers' series of one signal, ready for the synchrony steps: uniformly sampled at the same
 * rate from the same start, NaN where a sample is masked (DOMAIN.md 4.0: bad stretches are
 * masked, never interpolated). {@link DyadResampler#align} builds one from two recordings with
 * their own rates and starts.
 *
 * <p>The arrays are used as given (not copied): callers must not change them while a step runs.
 * When one wearer's series is longer, the extra samples are ignored ({@link #length()}).
 *
 * @param client the client's samples (e.g. EDA in microsiemens); NaN (any non-finite value) =
 *     masked
 * @param therapist the therapist's samples, same unit, rate and start; NaN = masked
 * @param rateHz sampling rate of both, Hz
 * @param startS time of sample 0, seconds from media start
 */
public record DyadSeries(double[] client, double[] therapist, double rateHz, double startS) {

    /** Checks the arrays, the rate and the start. */
    public DyadSeries {
        if (client == null || therapist == null) {
            throw new IllegalArgumentException("client and therapist series must not be null");
        }
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rateHz must be positive and finite, got " + rateHz);
        }
        if (!Double.isFinite(startS)) {
            throw new IllegalArgumentException("startS must be finite, got " + startS);
        }
    }

    /** Samples both wearers have: the shorter of the two lengths. */
    public int length() {
        return Math.min(client.length, therapist.length);
    }

    /** Time of sample {@code index}, seconds from media start. */
    public double timeS(int index) {
        return startS + index / rateHz;
    }

    /** Whole samples in {@code seconds} at this rate (rounded to the nearest sample). */
    public int samples(double seconds) {
        return (int) Math.round(seconds * rateHz);
    }

    /** Share (0..1) of {@code [from, from + count)} where both wearers are valid (not NaN). */
    public double validShare(int from, int count) {
        if (count <= 0) {
            return 0;
        }
        int valid = 0;
        for (int i = from; i < from + count; i++) {
            if (Double.isFinite(client[i]) && Double.isFinite(therapist[i])) {
                valid++;
            }
        }
        return valid / (double) count;
    }
}
