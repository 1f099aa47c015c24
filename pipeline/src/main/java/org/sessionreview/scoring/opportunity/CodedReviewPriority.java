package org.sessionreview.scoring.opportunity;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.scoring.rupture.CodedText;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * Review order of sessions from their coded events and anxiety burden: safety first, then
 * unaddressed ruptures, then missed opportunities, then anxiety burden (DOMAIN.md 2.7 and the
 * plan in {@code org.sessionreview.scoring.ReviewPriority}). Higher = review first.
 *
 * <p><b>Priority</b> = tier x S + S x load / (load + H), with S = {@code priorityTierStep}
 * [1000] and H = {@code priorityHalfLoad} [20]; 0 when the load is 0 (a calm session).
 *
 * <ul>
 *   <li><b>tier</b>: 4 when a safety event has no therapist response in its window; 3 for any
 *       other safety event; 2 for an unaddressed rupture (W or C); 1 for a missed opportunity;
 *       0 otherwise. The second term is below S, so a session in a higher tier always ranks
 *       first: any session with a safety event outranks every session without one.
 *   <li><b>load</b> (orders sessions within a tier; every count raises it) = 10 x unanswered
 *       safety + 5 x answered safety + 4 x unaddressed ruptures + 3 x escalated ruptures + 2 x
 *       missed opportunities + 2 x pressure-above-threshold + 1 x unvoiced arousal + 1 x anxiety
 *       burden ({@code ReviewPriority.priority}: minutes x peak index per client episode, plus
 *       0.5 per episode). Weights are the {@code weight*} options.
 * </ul>
 *
 * <p><b>Reasons</b> (short, readable; candidates for review, never verdicts), in this order:
 * {@code 1 safety event (SAFE_SUICIDAL_IDEATION at 12:30): no therapist response coded within
 * 60 s}; {@code 1 safety event (SAFE_PANIC at 20:00): therapist response coded within 60 s};
 * {@code 1 candidate unaddressed withdrawal rupture}; {@code ... confrontation rupture}; {@code 1
 * candidate escalated withdrawal rupture}; {@code ... confrontation ...}; {@code 2 candidate
 * missed opportunities}; {@code 1 candidate pressure-above-threshold moment}; {@code 1 candidate
 * unvoiced-arousal moment}. The anxiety reasons of {@code ReviewPriority.reasons} go after these.
 */
public final class CodedReviewPriority {
    private CodedReviewPriority() {}

    /** The tier (0-4) of the class comment. */
    public static int tier(CodedEventCounts c) {
        if (c.unansweredSafety() > 0) {
            return 4;
        }
        if (!c.safety().isEmpty()) {
            return 3;
        }
        if (c.unaddressed(RuptureClass.W) + c.unaddressed(RuptureClass.C) > 0) {
            return 2;
        }
        return c.missed() > 0 ? 1 : 0;
    }

    /**
     * The within-tier load of the class comment.
     *
     * @param anxietyBurden the client's anxiety burden, >= 0 (0 without episodes)
     */
    public static double load(CodedEventCounts c, double anxietyBurden, RuptureConfig cfg) {
        if (!(anxietyBurden >= 0) || Double.isInfinite(anxietyBurden)) {
            throw new IllegalArgumentException("anxiety burden must be finite and >= 0, got " + anxietyBurden);
        }
        int unaddressed = c.unaddressed(RuptureClass.W) + c.unaddressed(RuptureClass.C);
        int escalated = c.escalated(RuptureClass.W) + c.escalated(RuptureClass.C);
        return cfg.weightUnansweredSafety() * c.unansweredSafety()
                + cfg.weightSafety() * c.answeredSafety()
                + cfg.weightUnaddressed() * unaddressed
                + cfg.weightEscalated() * escalated
                + cfg.weightMissed() * c.missed()
                + cfg.weightPressure() * c.pressure()
                + cfg.weightUnvoiced() * c.unvoiced()
                + cfg.weightAnxiety() * anxietyBurden;
    }

    /** The priority of the class comment; 0 for a calm session. */
    public static double priority(CodedEventCounts c, double anxietyBurden, RuptureConfig cfg) {
        double load = load(c, anxietyBurden, cfg);
        double step = cfg.priorityTierStep();
        double within = load <= 0 ? 0 : step * load / (load + cfg.priorityHalfLoad());
        return tier(c) * step + within;
    }

    /** The flag reasons of the class comment; empty for a calm session. */
    public static List<String> reasons(CodedEventCounts c, RuptureConfig cfg) {
        List<String> out = new ArrayList<>();
        String window = CodedText.seconds(cfg.safetyResponseS()) + " s";
        List<SafetyEvent> unanswered = c.safety().stream()
                .filter(e -> !e.responded() && !SafetyEvents.cutShort(e, cfg))
                .toList();
        List<SafetyEvent> atTheEnd = c.safety().stream()
                .filter(e -> !e.responded() && SafetyEvents.cutShort(e, cfg))
                .toList();
        List<SafetyEvent> answered =
                c.safety().stream().filter(SafetyEvent::responded).toList();
        if (!unanswered.isEmpty()) {
            out.add(safety(unanswered) + ": no therapist response coded within " + window);
        }
        if (!atTheEnd.isEmpty()) {
            out.add(safety(atTheEnd) + ": the video ends less than " + window
                    + " after it, no therapist response coded before then (not observable)");
        }
        if (!answered.isEmpty()) {
            out.add(safety(answered) + ": therapist response coded within " + window);
        }
        for (RuptureClass k : RuptureClass.values()) {
            add(
                    out,
                    c.unaddressed(k),
                    "candidate unaddressed " + className(k) + " rupture",
                    "candidate unaddressed " + className(k) + " ruptures");
        }
        for (RuptureClass k : RuptureClass.values()) {
            add(
                    out,
                    c.escalated(k),
                    "candidate escalated " + className(k) + " rupture",
                    "candidate escalated " + className(k) + " ruptures");
        }
        add(out, c.missed(), "candidate missed opportunity", "candidate missed opportunities");
        add(
                out,
                c.pressure(),
                "candidate pressure-above-threshold moment",
                "candidate pressure-above-threshold moments");
        add(out, c.unvoiced(), "candidate unvoiced-arousal moment", "candidate unvoiced-arousal moments");
        return out;
    }

    private static String safety(List<SafetyEvent> events) {
        List<String> at = new ArrayList<>();
        events.forEach(e -> at.add(CodedText.at(e.event())));
        return CodedText.count(events.size(), "safety event", "safety events") + " (" + String.join(", ", at) + ")";
    }

    private static void add(List<String> out, int n, String singular, String plural) {
        if (n > 0) {
            out.add(CodedText.count(n, singular, plural));
        }
    }

    private static String className(RuptureClass k) {
        return k == RuptureClass.W ? "withdrawal" : "confrontation";
    }
}
