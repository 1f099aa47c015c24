package org.sessionreview.jobs.sampledata;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed plan of the synthetic sample cohort: 8 sessions, therapists T01 and T02, clients
 * C-0001..C-0003. Every planted time and magnitude is fixed in the plan (per session in {@link
 * T01Sessions} and {@link T02Sessions}); the seed only drives the noise, SCR and beat timing, so
 * {@code planted.json} and the README do not depend on it. This class owns the cohort level: the
 * sessions in order, the clients' plateau flags and the rules every session must keep.
 *
 * <p>Besides anxiety episodes the plan plants what the review rules must find (DOMAIN.md 2.7, 3,
 * 5): a resolved withdrawal rupture (S4), an unaddressed confrontation rupture (S8), missed
 * opportunities and answered episodes (S1, S3, S5-S8), an unanswered safety event (S7, so S7 is
 * reviewed first) and a client whose anxiety burden plateaus over four sessions (C-0003, S5-S8).
 *
 * <p>Rules the plan keeps (checked by {@link #validate}): no episode starts before minute 7
 * (minutes 2-6 are the calibration baseline), episodes last 2-4 minutes, contact loss and gross
 * movements stay clear of episodes and of the baseline, and every rule outcome planted.json
 * states (episode-onset responses, rupture outcomes) is unambiguous, and the planted burden fits
 * each client's plateau flag ({@link #clients}, {@link PlannedTrend#validate}).
 */
public final class CohortPlan {
    private CohortPlan() {}

    /**
     * The standard cohort written to {@code sample-data/}: S1-S4 ({@link T01Sessions}), then S5-S8
     * ({@link T02Sessions}).
     */
    public static List<SessionPlan> standard() {
        List<SessionPlan> all = new ArrayList<>(T01Sessions.all());
        all.addAll(T02Sessions.all());
        List<SessionPlan> sessions = List.copyOf(all);
        sessions.forEach(CohortPlan::validate);
        PlannedTrend.validate(sessions, clients());
        return sessions;
    }

    /**
     * The cohort's clients and whether each is planted to plateau at its latest session: decided
     * here with the design, and the episodes of {@link #standard} are planted to fit (C-0003: four
     * consecutive sessions S5-S8 of 370, 180, 180 and 360 s, the last at or above their mean;
     * C-0001 and C-0002: two sessions each, too few for a plateau).
     */
    public static List<ClientPlan> clients() {
        return List.of(
                new ClientPlan("C-0001", false), new ClientPlan("C-0002", false), new ClientPlan("C-0003", true));
    }

    /**
     * Gross movements of 3 s every 310 s from {@code phaseS}, skipping the calibration baseline
     * (with 30 s margins), the 90 s around each episode, the 60 s around contact loss and the
     * last 30 s.
     */
    static List<Interval> grossMovements(
            int phaseS, int durationS, List<EpisodePlan> episodes, List<Interval> contactLoss) {
        List<Interval> out = new ArrayList<>();
        for (int t = phaseS; t + 3 < durationS - 30; t += 310) {
            Interval m = new Interval(t, t + 3);
            boolean clear = !m.near(SessionPlan.CALIBRATION, 30);
            for (EpisodePlan e : episodes) {
                clear &= !m.near(e.interval(), 90);
            }
            for (Interval c : contactLoss) {
                clear &= !m.near(c, 60);
            }
            if (clear) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** Fails when a session breaks a rule of the cohort (see the class comment). */
    static void validate(SessionPlan s) {
        for (EpisodePlan e : s.episodes()) {
            check(e.startS() >= 420, e.id() + " starts before minute 7");
            check(e.endS() - e.startS() >= 120 && e.endS() - e.startS() <= 240, e.id() + " is not 2-4 minutes long");
            check(e.rampUpS() >= 30 && e.rampUpS() <= 60, e.id() + " ramp is not 30-60 s");
            check(e.endS() <= s.durationS() - 60, e.id() + " ends too late");
            check(e.edaRiseUs() >= 1.5 && e.edaRiseUs() <= 3.0, e.id() + " EDA rise");
            check(e.hrRiseBpm() >= 12 && e.hrRiseBpm() <= 20, e.id() + " HR rise");
            if (e.fidget() != null) {
                check(e.fidgetHz() >= 3 && e.fidgetHz() <= 5, e.id() + " fidget frequency");
                check(
                        e.fidget().startS() >= e.startS() && e.fidget().endS() <= e.endS(),
                        e.id() + " fidget outside the episode");
            }
        }
        for (WearerPlan w : s.wearers()) {
            for (Interval c : w.contactLoss()) {
                check(!c.near(SessionPlan.CALIBRATION, 60), "contact loss in the baseline");
                for (EpisodePlan e : s.episodes()) {
                    check(!c.near(e.interval(), 60), "contact loss near " + e.id());
                }
            }
            check(w.leadS() >= 30 && w.leadS() <= 90, "lead must be 30-90 s");
        }
        for (CodedEvent c : s.events()) {
            check(
                    s.annotationFiles().stream().anyMatch(a -> a.name().equals(c.file())),
                    "event in an undeclared file " + c.file());
        }
        for (EpisodePlan e : s.episodes()) {
            ResponseRules.onsetResponse(s, e); // fails when the outcome depends on detector lag
        }
        RuptureRules.episodes(s); // fails on a marker gap the rules leave open
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("cohort plan: " + message);
        }
    }
}
