package org.sessionreview.jobs.sampledata;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The README sections on the review facts (see {@link PlantedReview}): ruptures, safety events,
 * episode-onset responses and missed opportunities, the client trends and the expected review
 * order. Generated from the plan, like the rest of the README.
 */
final class ReadmeReviewSections {
    private ReadmeReviewSections() {}

    static void write(StringBuilder sb, List<SessionPlan> sessions) {
        ruptures(sb, sessions);
        safety(sb, sessions);
        onsetResponses(sb, sessions);
        missed(sb, sessions);
        trends(sb, sessions);
    }

    private static void ruptures(StringBuilder sb, List<SessionPlan> sessions) {
        sb.append("## Rupture episodes (DOMAIN.md section 3)\n\n")
                .append("Markers of one class merge when the next starts within ")
                .append(num(RuptureRules.MERGE_GAP_S))
                .append(" s of the last; a RES_* or ")
                .append("INT_METACOMMUNICATION up to ")
                .append(num(RuptureRules.REPAIR_REACH_S))
                .append(" s after the last marker\nis a repair attempt; `resolved` = no marker of ")
                .append("the class within ")
                .append(num(RuptureRules.RETURN_S))
                .append(" s after the last attempt; `unaddressed` = no attempt.\n\n")
                .append("| session | class | markers (significance) | repair attempts | ")
                .append("time to first repair | expected outcome |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < sessions.size(); i++) {
            for (RuptureRules.Episode e : RuptureRules.episodes(sessions.get(i))) {
                String markers = e.markers().stream()
                        .map(m -> m.code() + " @" + span(m) + " (" + m.significance() + ")")
                        .collect(Collectors.joining(", "));
                String repairs = e.repairs().isEmpty()
                        ? "none within " + num(RuptureRules.REPAIR_REACH_S) + " s of the last marker"
                        : e.repairs().stream()
                                .map(r -> r.code() + " @" + num(r.startS()))
                                .collect(Collectors.joining(", "));
                sb.append("| S")
                        .append(i + 1)
                        .append(" | ")
                        .append(e.ruptureClass().equals("W") ? "W (withdrawal)" : "C (confrontation)")
                        .append(" | ")
                        .append(markers)
                        .append(" | ")
                        .append(repairs)
                        .append(" | ")
                        .append(e.timeToFirstRepairS() == null ? "-" : num(e.timeToFirstRepairS()) + " s")
                        .append(" | `")
                        .append(e.outcome())
                        .append("` |\n");
            }
        }
        sb.append('\n');
    }

    private static void safety(StringBuilder sb, List<SessionPlan> sessions) {
        sb.append("## Safety events (DOMAIN.md 2.7)\n\n")
                .append("A SAFE event needs a therapist code within ")
                .append(num(ResponseRules.SAFETY_WINDOW_S))
                .append(" s; otherwise its session ")
                .append("goes to the top of the review order.\n\n")
                .append("| session | event @ s | therapist code within ")
                .append(num(ResponseRules.SAFETY_WINDOW_S))
                .append(" s | responded |\n")
                .append("|---|---|---|---|\n");
        for (int i = 0; i < sessions.size(); i++) {
            for (ResponseRules.SafetyResponse r : ResponseRules.safetyResponses(sessions.get(i))) {
                sb.append("| S")
                        .append(i + 1)
                        .append(" | ")
                        .append(r.event().code())
                        .append(" @")
                        .append(num(r.event().startS()))
                        .append(" | ")
                        .append(
                                r.responded()
                                        ? r.response().code() + " @"
                                                + num(r.response().startS())
                                        : "none")
                        .append(" | ")
                        .append(r.responded() ? "yes" : "**no**")
                        .append(" |\n");
            }
        }
        SessionPlan first = PlantedReview.expectedFirst(sessions);
        SessionPlan heaviest = sessions.stream()
                .max(Comparator.comparingDouble(PlantedReview::plantedBurdenS))
                .orElseThrow();
        sb.append("\n**Expected first session** in the review order: `")
                .append(first.sessionId())
                .append("` (S")
                .append(sessions.indexOf(first) + 1)
                .append(", the only ")
                .append("unanswered safety event");
        if (heaviest != first) {
            sb.append("; by planted anxiety burden alone S")
                    .append(sessions.indexOf(heaviest) + 1)
                    .append(" (")
                    .append(num(PlantedReview.plantedBurdenS(heaviest)))
                    .append(" s) would come first");
        }
        sb.append(").\n\n");
    }

    private static void onsetResponses(StringBuilder sb, List<SessionPlan> sessions) {
        sb.append("## Episode onsets and the therapist's response\n\n")
                .append("DOMAIN.md section 5, trigger (a): the therapist codes in [onset - ")
                .append(num(ResponseRules.ONSET_BEFORE_S))
                .append(" s, onset + ")
                .append(num(ResponseRules.ONSET_AFTER_S))
                .append(" s]. The outcome below holds ")
                .append("for every detected onset from the planted\nstart to start + ")
                .append(num(ResponseRules.ONSET_LAG_MAX_S))
                .append(" s (the generator refuses ")
                .append("a plan where it would not). `answered` = explicit space.\n\n")
                .append("| session | episode | planted onset (s) | response in the window | ")
                .append("class | missed opportunity |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < sessions.size(); i++) {
            SessionPlan s = sessions.get(i);
            for (EpisodePlan e : s.episodes()) {
                ResponseRules.OnsetResponse r = ResponseRules.onsetResponse(s, e);
                sb.append("| S")
                        .append(i + 1)
                        .append(" | ")
                        .append(e.id())
                        .append(" | ")
                        .append(num(e.startS()))
                        .append(" | ")
                        .append(
                                r.response() == null
                                        ? "none"
                                        : r.response().code() + " @"
                                                + num(r.response().startS()) + " (+"
                                                + num(r.response().startS() - e.startS()) + " s)")
                        .append(" | ")
                        .append(r.responseClass())
                        .append(" | ")
                        .append(
                                r.missed()
                                        ? (s.cuesInside(e).isEmpty()
                                                ? "yes (unvoiced arousal, lower confidence)"
                                                : "yes")
                                        : r.responseClass().equals("responded_explicit_space") ? "no (answered)" : "no")
                        .append(" |\n");
            }
        }
        sb.append('\n');
    }

    private static void missed(StringBuilder sb, List<SessionPlan> sessions) {
        sb.append("## Missed opportunities (both triggers)\n\n")
                .append("Listed per session in `planted.json` (`missed_opportunities`); a cue ")
                .append("inside an episode is listed\nas well as the episode's onset (no ")
                .append("de-duplication).\n\n| session | missed opportunities |\n|---|---|\n");
        for (int i = 0; i < sessions.size(); i++) {
            List<PlantedReview.Missed> ms = PlantedReview.missedOpportunities(sessions.get(i));
            if (ms.isEmpty()) {
                continue;
            }
            sb.append("| S")
                    .append(i + 1)
                    .append(" | ")
                    .append(ms.stream()
                            .map(m -> (m.trigger().equals("cue") ? m.code() : m.episodeId() + " onset") + " @"
                                    + num(m.tS()) + " (" + m.responseClass() + ")")
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        sb.append('\n');
    }

    private static void trends(StringBuilder sb, List<SessionPlan> sessions) {
        sb.append("## Client trends and the plateau\n\n")
                .append("Planted anxiety burden = the sum of the planted episode durations. ")
                .append("Plateau rule (README, client trend): each of\nthe last ")
                .append(PlannedTrend.LAST_N)
                .append(" sessions has anxiety_time_s >= ")
                .append(num(PlannedTrend.HIGH_BURDEN_S))
                .append(" s and the least-squares slope")
                .append(" over them is not a\nsignificant decline (one-sided p >= ")
                .append(PlannedTrend.DECLINE_ALPHA)
                .append("). Which client plateaus is decided")
                .append(" in the plan (`CohortPlan.clients`),\nand the episodes are planted to fit")
                .append(" it: each of the ")
                .append(PlannedTrend.LAST_N)
                .append(" consecutive")
                .append(" sessions has >= ")
                .append(num(PlannedTrend.HIGH_BURDEN_S + PlannedTrend.MARGIN_S))
                .append(" s and the latest is at least their mean (no decline\nby construction);")
                .append(" any other full window has a session with <= ")
                .append(num(PlannedTrend.HIGH_BURDEN_S - PlannedTrend.MARGIN_S))
                .append(" s.\n\n")
                .append("| client | sessions (# : planted anxiety time) | plateau at the last ")
                .append("session |\n|---|---|---|\n");
        for (Map.Entry<String, List<PlannedTrend.SessionBurden>> c :
                PlannedTrend.trends(sessions, CohortPlan.clients()).entrySet()) {
            List<PlannedTrend.SessionBurden> rows = c.getValue();
            sb.append("| ")
                    .append(c.getKey())
                    .append(" | ")
                    .append(rows.stream()
                            .map(r -> "#" + r.session().sessionNumber() + ": " + num(r.plantedS()) + " s")
                            .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(rows.get(rows.size() - 1).plateau() ? "**yes**" : "no")
                    .append(" |\n");
        }
        sb.append('\n');
    }

    private static String span(CodedEvent e) {
        return e.isPoint() ? num(e.startS()) : num(e.startS()) + "-" + num(e.endS());
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
