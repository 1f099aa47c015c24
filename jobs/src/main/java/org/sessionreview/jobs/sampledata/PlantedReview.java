package org.sessionreview.jobs.sampledata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The review facts of planted.json (DOMAIN.md 2.7, 3, 5 and the client trend): per session the
 * rupture episodes, safety events, missed opportunities and answered episodes; per cohort the
 * plateau clients and the session that must be reviewed first. Derived from the plan only, by the
 * generator's own rules ({@link ResponseRules}, {@link RuptureRules}, {@link PlannedTrend}); nothing
 * here calls the pipeline's scoring code.
 */
final class PlantedReview {
    /**
     * One missed therapeutic opportunity (DOMAIN.md 5).
     *
     * @param trigger {@code episode_onset} (trigger a) or {@code cue} (trigger b)
     * @param code the cue code, or null for an episode onset
     * @param episodeId the episode (onset trigger), or null
     * @param tS the cue time, or the episode's planted start (the detected onset is 0-15 s later)
     * @param voiced onset trigger: whether a coded ANX cue lies inside the episode (false = the
     *     lower-confidence "unvoiced arousal" candidate); cue trigger: always true
     */
    record Missed(
            String trigger,
            String code,
            String episodeId,
            double tS,
            CodedEvent response,
            String responseClass,
            boolean voiced) {}

    private PlantedReview() {}

    /** Missed opportunities of both triggers, by time (onset before cue on a tie). */
    static List<Missed> missedOpportunities(SessionPlan s) {
        List<Missed> out = new ArrayList<>();
        for (EpisodePlan e : s.episodes()) {
            ResponseRules.OnsetResponse r = ResponseRules.onsetResponse(s, e);
            if (r.missed()) {
                out.add(new Missed(
                        "episode_onset",
                        null,
                        e.id(),
                        e.startS(),
                        r.response(),
                        r.responseClass(),
                        !s.cuesInside(e).isEmpty()));
            }
        }
        for (ResponseRules.CueResponse r : ResponseRules.cueResponses(s)) {
            if (r.missed()) {
                out.add(new Missed(
                        "cue", r.cue().code(), null, r.cue().startS(), r.response(), r.responseClass(), true));
            }
        }
        out.sort(Comparator.comparingDouble(Missed::tS)
                .thenComparing(m -> m.trigger().equals("cue")));
        return out;
    }

    /** Episodes whose onset window holds an explicit-space therapist response: not missed. */
    static List<ResponseRules.OnsetResponse> answeredEpisodes(SessionPlan s) {
        return s.episodes().stream()
                .map(e -> ResponseRules.onsetResponse(s, e))
                .filter(r -> r.responseClass().equals("responded_explicit_space"))
                .toList();
    }

    /**
     * The one session with an unanswered SAFE event: it must rank first.
     *
     * @throws IllegalStateException unless exactly one session has one
     */
    static SessionPlan expectedFirst(List<SessionPlan> sessions) {
        List<SessionPlan> unanswered = sessions.stream()
                .filter(s -> ResponseRules.safetyResponses(s).stream().anyMatch(r -> !r.responded()))
                .toList();
        if (unanswered.size() != 1) {
            throw new IllegalStateException("cohort plan: " + unanswered.size()
                    + " sessions with an unanswered SAFE event; the first session is ambiguous");
        }
        return unanswered.get(0);
    }

    /** Sum of the planted episode durations, seconds. */
    static double plantedBurdenS(SessionPlan s) {
        return PlannedTrend.plantedBurdenS(s);
    }

    /**
     * The priority tier the session must land in (README, sessions/: priority = tier x 1000 +
     * less): 4 an unanswered SAFE event, 3 an answered one, 2 an unaddressed rupture, 1 a voiced
     * missed opportunity (an unvoiced-arousal candidate alone does not raise the tier), else 0.
     */
    static int expectedPriorityTier(SessionPlan s) {
        List<ResponseRules.SafetyResponse> safety = ResponseRules.safetyResponses(s);
        if (safety.stream().anyMatch(r -> !r.responded())) {
            return 4;
        }
        if (!safety.isEmpty()) {
            return 3;
        }
        if (RuptureRules.episodes(s).stream().anyMatch(e -> e.outcome().equals("unaddressed"))) {
            return 2;
        }
        return missedOpportunities(s).stream().anyMatch(Missed::voiced) ? 1 : 0;
    }

    static void addCohortFacts(ObjectNode root, List<SessionPlan> sessions) {
        ObjectNode rules = root.putObject("review_rules");
        rules.put("cue_response_window_s", ResponseRules.CUE_WINDOW_S);
        ArrayNode onset = rules.putArray("onset_response_window_s");
        onset.add(-ResponseRules.ONSET_BEFORE_S).add(ResponseRules.ONSET_AFTER_S);
        ArrayNode lag = rules.putArray("detected_onset_lag_s");
        lag.add(0.0).add(ResponseRules.ONSET_LAG_MAX_S);
        rules.put("safety_response_window_s", ResponseRules.SAFETY_WINDOW_S);
        rules.put("rupture_merge_gap_s", RuptureRules.MERGE_GAP_S);
        rules.put("rupture_repair_reach_s", RuptureRules.REPAIR_REACH_S);
        rules.put("rupture_quiet_s", RuptureRules.QUIET_S);
        rules.put("rupture_return_s", RuptureRules.RETURN_S);
        rules.put(
                "time_to_first_repair",
                "first repair attempt minus the start of the" + " episode's first marker, seconds");
        rules.put(
                "priority_tier",
                "4 unanswered SAFE event, 3 answered SAFE event,"
                        + " 2 unaddressed rupture, 1 voiced missed opportunity, else 0;"
                        + " priority lies in [1000 x tier, 1000 x (tier + 1))");
        ObjectNode plateau = root.putObject("plateau_rule");
        plateau.put("last_n", PlannedTrend.LAST_N);
        plateau.put("high_burden_s", PlannedTrend.HIGH_BURDEN_S);
        plateau.put("decline_alpha_one_sided", PlannedTrend.DECLINE_ALPHA);
        plateau.put("burden", "planted_anxiety_time_s = sum of the planted episode durations");
        plateau.put("planted_margin_s", PlannedTrend.MARGIN_S);
        plateau.put(
                "source",
                "the cohort plan's per-client plateau flag (CohortPlan.clients),"
                        + " checked against the planted episodes: a plateau window has >= high_burden_s +"
                        + " planted_margin_s in each of last_n consecutive sessions and its latest burden"
                        + " >= the window mean (no decline by construction); any other full window has a"
                        + " session <= high_burden_s - planted_margin_s");
        List<ClientPlan> clientPlans = CohortPlan.clients();
        ArrayNode clients = root.putArray("plateau_clients");
        PlannedTrend.plateauClients(clientPlans).forEach(clients::add);
        ArrayNode trends = root.putArray("client_trends");
        PlannedTrend.trends(sessions, clientPlans).forEach((client, rows) -> {
            ObjectNode c = trends.addObject();
            c.put("client_id", client);
            ArrayNode ss = c.putArray("sessions");
            for (PlannedTrend.SessionBurden r : rows) {
                ObjectNode x = ss.addObject();
                x.put("session_number", r.session().sessionNumber());
                x.put("session_id", r.session().sessionId());
                x.put("planted_anxiety_time_s", r.plantedS());
                x.put("plateau", r.plateau());
            }
        });
        root.put("expected_first_session", expectedFirst(sessions).sessionId());
    }

    static void addSessionFacts(ObjectNode o, SessionPlan s) {
        ArrayNode ruptures = o.putArray("ruptures");
        for (RuptureRules.Episode e : RuptureRules.episodes(s)) {
            ObjectNode x = ruptures.addObject();
            x.put("class", e.ruptureClass());
            x.put("start_s", e.startS());
            x.put("end_s", e.endS());
            x.put("close_s", e.closeS());
            ArrayNode markers = x.putArray("markers");
            for (CodedEvent m : e.markers()) {
                ObjectNode y = markers.addObject();
                y.put("code", m.code());
                y.put("start_s", m.startS());
                putNullable(y, "end_s", m.endS());
                y.put("significance", m.significance());
            }
            ArrayNode repairs = x.putArray("repairs");
            for (CodedEvent r : e.repairs()) {
                ObjectNode y = repairs.addObject();
                y.put("code", r.code());
                y.put("start_s", r.startS());
            }
            putNullable(x, "time_to_first_repair_s", e.timeToFirstRepairS());
            x.put("expected_outcome", e.outcome());
        }
        ArrayNode safety = o.putArray("safety_events");
        for (ResponseRules.SafetyResponse r : ResponseRules.safetyResponses(s)) {
            ObjectNode x = safety.addObject();
            x.put("code", r.event().code());
            x.put("t_s", r.event().startS());
            x.put("responded", r.responded());
            x.put("response_code", r.responded() ? r.response().code() : null);
            putNullable(x, "response_start_s", r.responded() ? r.response().startS() : null);
        }
        ArrayNode missed = o.putArray("missed_opportunities");
        for (Missed m : missedOpportunities(s)) {
            ObjectNode x = missed.addObject();
            x.put("trigger", m.trigger());
            x.put("code", m.code());
            x.put("episode_id", m.episodeId());
            x.put("t_s", m.tS());
            x.put("response_code", m.response() == null ? null : m.response().code());
            putNullable(
                    x,
                    "response_start_s",
                    m.response() == null ? null : m.response().startS());
            x.put("response_class", m.responseClass());
            x.put("voiced", m.voiced());
        }
        ArrayNode answered = o.putArray("answered_episodes");
        for (ResponseRules.OnsetResponse r : answeredEpisodes(s)) {
            ObjectNode x = answered.addObject();
            x.put("episode_id", r.episode().id());
            x.put("start_s", r.episode().startS());
            x.put("response_code", r.response().code());
            x.put("response_start_s", r.response().startS());
            x.put("response_after_onset_s", r.response().startS() - r.episode().startS());
            x.put("response_class", r.responseClass());
        }
        o.put("expected_priority_tier", expectedPriorityTier(s));
    }

    /** The onset response of one episode, for its {@code client_episodes} entry. */
    static void addEpisodeFacts(ObjectNode x, SessionPlan s, EpisodePlan e) {
        ResponseRules.OnsetResponse r = ResponseRules.onsetResponse(s, e);
        ObjectNode o = x.putObject("onset_response");
        o.put("code", r.response() == null ? null : r.response().code());
        putNullable(o, "start_s", r.response() == null ? null : r.response().startS());
        o.put("class", r.responseClass());
        o.put("missed_opportunity", r.missed());
    }

    private static void putNullable(ObjectNode o, String key, Double value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
