package org.sessionreview.signal.cardiac;

import java.util.Objects;

/**
 * One heart beat and the interval that ends at it.
 *
 * @param tMillis time of the beat, milliseconds from the caller's origin (epoch ms for device
 *     IBIs read from a file; for {@link BvpBeats}, ms after sample 0 of the analysed buffer)
 * @param ibiMs interval from the previous beat to this one, milliseconds; NaN when unknown
 * @param source where the beat came from
 * @param accepted whether the interval may enter heart-rate and HRV statistics
 * @param rejectReason why it was not accepted; null when accepted
 */
public record Beat(double tMillis, double ibiMs, Source source, boolean accepted, RejectReason rejectReason)
        implements java.io.Serializable {

    /** Where a beat came from. */
    public enum Source {
        /** The wearable's own inter-beat intervals (E4 {@code IBI.csv}, chest-strap RR). */
        DEVICE("device"),
        /** Detected in the blood-volume pulse by {@link BvpBeats}. */
        BVP("bvp");

        private final String code;

        Source(String code) {
            this.code = code;
        }

        /** Stable lower-case name. */
        public String code() {
            return code;
        }
    }

    public Beat {
        Objects.requireNonNull(source, "source");
        if (accepted != (rejectReason == null)) {
            throw new IllegalArgumentException("a beat has a reject reason exactly when it is not accepted: accepted="
                    + accepted + ", reason=" + rejectReason);
        }
    }

    /** An accepted beat. */
    public static Beat accepted(double tMillis, double ibiMs, Source source) {
        return new Beat(tMillis, ibiMs, source, true, null);
    }

    /** A rejected beat. */
    public static Beat rejected(double tMillis, double ibiMs, Source source, RejectReason reason) {
        return new Beat(tMillis, ibiMs, source, false, Objects.requireNonNull(reason, "reason"));
    }

    /** The same beat rejected for {@code reason}. */
    public Beat reject(RejectReason reason) {
        return rejected(tMillis, ibiMs, source, reason);
    }

    /** The same beat with its time moved by {@code offsetMillis} (e.g. to epoch time). */
    public Beat shifted(double offsetMillis) {
        return new Beat(tMillis + offsetMillis, ibiMs, source, accepted, rejectReason);
    }

    /** Time at which the interval began, {@code tMillis - ibiMs}. */
    public double startMillis() {
        return tMillis - ibiMs;
    }
}
