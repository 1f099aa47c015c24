package org.sessionreview.scoring.opportunity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sessionreview.scoring.rupture.PressureEvent;
import org.sessionreview.scoring.rupture.RuptureEpisode;
import org.sessionreview.scoring.rupture.RuptureOutcome;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * What the coded-event rules found in a session, as counts for {@link CodedReviewPriority}
 * (safety events are kept whole: their reasons name code and time). Withdrawal and
 * confrontation are counted apart (DOMAIN.md section 3, rule 8). Immutable; build with {@link
 * #of} or from {@link #none()} with the {@code with...} methods.
 */
public final class CodedEventCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<SafetyEvent> safety;
    private final int[] unaddressed;
    private final int[] escalated;
    private final int missed;
    private final int unvoiced;
    private final int pressure;

    private CodedEventCounts(
            List<SafetyEvent> safety, int[] unaddressed, int[] escalated, int missed, int unvoiced, int pressure) {
        this.safety = new ArrayList<>(safety);
        this.unaddressed = unaddressed.clone();
        this.escalated = escalated.clone();
        this.missed = nonNegative(missed);
        this.unvoiced = nonNegative(unvoiced);
        this.pressure = nonNegative(pressure);
        for (int i = 0; i < 2; i++) {
            nonNegative(this.unaddressed[i]);
            nonNegative(this.escalated[i]);
        }
    }

    /** Nothing found: a calm session. */
    public static CodedEventCounts none() {
        return new CodedEventCounts(List.of(), new int[2], new int[2], 0, 0, 0);
    }

    /** Counts of the rules' results for one session. */
    public static CodedEventCounts of(
            List<SafetyEvent> safety,
            List<RuptureEpisode> episodes,
            List<Opportunity> opportunities,
            List<PressureEvent> pressure) {
        int[] un = new int[2];
        int[] esc = new int[2];
        for (RuptureEpisode e : episodes) {
            int i = e.ruptureClass().ordinal();
            un[i] += e.outcome() == RuptureOutcome.UNADDRESSED ? 1 : 0;
            esc[i] += e.outcome() == RuptureOutcome.ESCALATED ? 1 : 0;
        }
        int missed = 0;
        int unvoiced = 0;
        for (Opportunity o : opportunities) {
            if (o.missed()) {
                missed += o.voiced() ? 1 : 0;
                unvoiced += o.voiced() ? 0 : 1;
            }
        }
        return new CodedEventCounts(safety, un, esc, missed, unvoiced, pressure.size());
    }

    public CodedEventCounts withSafety(List<SafetyEvent> events) {
        return new CodedEventCounts(events, unaddressed, escalated, missed, unvoiced, pressure);
    }

    public CodedEventCounts withUnaddressed(RuptureClass c, int n) {
        int[] u = unaddressed.clone();
        u[c.ordinal()] = n;
        return new CodedEventCounts(safety, u, escalated, missed, unvoiced, pressure);
    }

    public CodedEventCounts withEscalated(RuptureClass c, int n) {
        int[] e = escalated.clone();
        e[c.ordinal()] = n;
        return new CodedEventCounts(safety, unaddressed, e, missed, unvoiced, pressure);
    }

    public CodedEventCounts withMissed(int n) {
        return new CodedEventCounts(safety, unaddressed, escalated, n, unvoiced, pressure);
    }

    public CodedEventCounts withUnvoiced(int n) {
        return new CodedEventCounts(safety, unaddressed, escalated, missed, n, pressure);
    }

    public CodedEventCounts withPressure(int n) {
        return new CodedEventCounts(safety, unaddressed, escalated, missed, unvoiced, n);
    }

    /** Safety events, in time order. */
    public List<SafetyEvent> safety() {
        return Collections.unmodifiableList(safety);
    }

    /** Safety events without a therapist response in the window. */
    public int unansweredSafety() {
        return (int) safety.stream().filter(e -> !e.responded()).count();
    }

    /** Safety events with a therapist response in the window. */
    public int answeredSafety() {
        return safety.size() - unansweredSafety();
    }

    /** Unaddressed rupture episodes of class {@code c}. */
    public int unaddressed(RuptureClass c) {
        return unaddressed[c.ordinal()];
    }

    /** Escalated rupture episodes of class {@code c}. */
    public int escalated(RuptureClass c) {
        return escalated[c.ordinal()];
    }

    /** Missed opportunities (voiced). */
    public int missed() {
        return missed;
    }

    /** Unvoiced-arousal candidates. */
    public int unvoiced() {
        return unvoiced;
    }

    /** Pressure-above-threshold candidates. */
    public int pressure() {
        return pressure;
    }

    private static int nonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + n);
        }
        return n;
    }

    @Override
    public String toString() {
        return "CodedEventCounts{safety=" + safety.size() + " unanswered=" + unansweredSafety()
                + " unaddressed W/C=" + unaddressed[0] + "/" + unaddressed[1]
                + " escalated W/C=" + escalated[0] + "/" + escalated[1] + " missed=" + missed
                + " unvoiced=" + unvoiced + " pressure=" + pressure + "}";
    }
}
