package org.sessionreview.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sessionreview.jobs.report.svg.BurdenChart;
import org.sessionreview.parquet.TrendTables;
import org.sessionreview.report.SessionRow;
import org.sessionreview.scoring.trends.ClientTrend;
import org.sessionreview.scoring.trends.TraineeTable;
import org.sessionreview.scoring.trends.TrendConfig;

/**
 * The trainee and client pages. Their numbers come from the review's {@code trainees/} and {@code
 * clients/} tables, which aggregate every session of the run. For a therapist or client with a
 * session withheld (no supervision consent) the table's rows would count that session, so their
 * rows are recomputed here from the consented sessions only, with the review's own code ({@link
 * TraineeTable}, {@link ClientTrend} with the run's trend parameters from the footer): a withheld
 * session then counts as a session that was never recorded. The page says so.
 */
public final class TrendViews {
    private final ReportTables tables;
    private final QueueView queue;

    public TrendViews(ReportTables tables, QueueView queue) {
        this.tables = tables;
        this.queue = queue;
    }

    /** A trainee page. */
    public record TraineeView(
            String therapistId,
            boolean recomputed,
            List<PeriodLine> periods,
            List<QueueView.Row> sessions,
            MethodsView methods) {}

    /** One row of the trainees table, as text. */
    public record PeriodLine(
            String period,
            int sessions,
            int flagged,
            String flaggedShare,
            String hours,
            String anxietyEpisodes,
            String anxietyPerHour,
            String missed,
            String missedPerHour,
            String withdrawal,
            String confrontation,
            String resolved,
            String partial,
            String unaddressed,
            String escalated,
            String resolutionRatio,
            String medianTimeToRepair,
            String meanSynchronyEs,
            String safetyEvents) {}

    /** A client page. */
    public record ClientView(
            String clientKey,
            boolean recomputed,
            List<ClientLine> sessions,
            String burdenSvg,
            String latestNote,
            String rule,
            MethodsView methods) {}

    /** One row of the clients table, as text. */
    public record ClientLine(
            int sessionNumber,
            String sessionId,
            String page,
            String therapistId,
            String traineePage,
            String date,
            String anxietyEpisodes,
            String anxietyTime,
            String peak,
            String ruptures,
            String trend,
            String declineP,
            String highBurden,
            boolean plateau,
            String note) {}

    /** Every trainee page, by therapist id. */
    public Map<String, TraineeView> trainees() {
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
        for (QueueView.Link t : queue.trainees()) {
            rows.put(t.id(), new ArrayList<>());
        }
        for (Map<String, Object> r : tables.traineesTable()) {
            String id = Rows.str(r, "therapist_id");
            if (rows.containsKey(id) && !tables.hasWithheld(id)) {
                rows.get(id).add(r);
            }
        }
        Map<String, TraineeView> out = new TreeMap<>();
        MethodsView methods = MethodsView.of(tables.footers(), List.of("trainees", "sessions"));
        for (Map.Entry<String, List<Map<String, Object>>> e : rows.entrySet()) {
            String id = e.getKey();
            boolean recompute = tables.hasWithheld(id);
            List<Map<String, Object>> periods = recompute
                    ? TraineeTable.rows(consented(s -> id.equals(s.therapistId))).stream()
                            .map(r -> Rows.map(TrendTables.TRAINEES, r))
                            .toList()
                    : e.getValue();
            List<QueueView.Row> sessions = new ArrayList<>(queue.flagged());
            sessions.addAll(queue.unflagged());
            out.put(
                    id,
                    new TraineeView(
                            id,
                            recompute,
                            periods.stream().map(TrendViews::period).toList(),
                            sessions.stream()
                                    .filter(s -> id.equals(s.therapistId()))
                                    .toList(),
                            methods));
        }
        return out;
    }

    private List<SessionRow> consented(java.util.function.Predicate<SessionRow> keep) {
        return tables.sessions().stream().map(Rows::session).filter(keep).toList();
    }

    private static PeriodLine period(Map<String, Object> r) {
        Double ttr = Rows.dbl(r, "median_time_to_repair_s");
        return new PeriodLine(
                Rows.str(r, "period"),
                Rows.int0(r, "sessions"),
                Rows.int0(r, "flagged_sessions"),
                Format.percent(Rows.dbl(r, "flagged_share")),
                Format.number(Rows.dbl(r, "session_hours"), 2),
                // a rate without hours (no session with client data, none coded): unknown, not 0
                Rows.dbl(r, "anxiety_episodes_per_hour") == null
                        ? "\u2014"
                        : Integer.toString(Rows.int0(r, "anxiety_episodes")),
                Format.number(Rows.dbl(r, "anxiety_episodes_per_hour"), 2),
                Rows.dbl(r, "missed_opportunities_per_hour") == null
                        ? "\u2014"
                        : Integer.toString(Rows.int0(r, "missed_opportunities")),
                Format.number(Rows.dbl(r, "missed_opportunities_per_hour"), 2),
                count(r, "ruptures_withdrawal"),
                count(r, "ruptures_confrontation"),
                count(r, "ruptures_resolved"),
                count(r, "ruptures_partial"),
                count(r, "ruptures_unaddressed"),
                count(r, "ruptures_escalated"),
                Format.percent(Rows.dbl(r, "resolution_ratio")),
                ttr == null ? "\u2014" : Format.number(ttr, 0) + " s",
                Format.number(Rows.dbl(r, "mean_synchrony_es"), 2),
                count(r, "safety_events"));
    }

    /** A count of the trainees table as text; "—" when null (no coded session: unknown, not 0). */
    private static String count(Map<String, Object> r, String column) {
        return r.get(column) == null ? "\u2014" : Integer.toString(Rows.int0(r, column));
    }

    /** Every client page, by client key. */
    public Map<String, ClientView> clients() {
        MethodsView methods = MethodsView.of(tables.footers(), List.of("clients", "sessions"));
        TrendConfig cfg = new TrendConfig(
                Integer.parseInt(methods.parameter("trends.client.last_n", "4")),
                Double.parseDouble(methods.parameter("trends.client.high_burden_s", "120")),
                Double.parseDouble(methods.parameter("trends.client.decline_alpha", "0.05")));
        Map<String, ClientView> out = new TreeMap<>();
        for (QueueView.Link c : queue.clients()) {
            String clientKey = c.id();
            boolean recompute = tables.clientHasWithheld(clientKey);
            List<Map<String, Object>> rows = recompute
                    ? ClientTrend.rows(consented(s -> clientKey.equals(s.clientKey)), cfg).stream()
                            .map(r -> Rows.map(TrendTables.CLIENTS, r))
                            .toList()
                    : tables.clientsTable().stream()
                            .filter(r -> clientKey.equals(Rows.str(r, "client_key")))
                            .toList();
            List<Map<String, Object>> ordered = new ArrayList<>(rows);
            ordered.sort(Comparator.comparingInt(r -> Rows.int0(r, "session_number")));
            List<BurdenChart.Bar> bars = ordered.stream()
                    .map(r -> new BurdenChart.Bar(
                            Rows.int0(r, "session_number"),
                            Rows.dbl0(r, "anxiety_time_s"),
                            Rows.dbl(r, "anxiety_time_s") != null))
                    .toList();
            // the latest session with client data: one without counts as never recorded (as a
            // withheld one does), so it neither ends nor hides a plateau
            String latestNote = ordered.stream()
                    .filter(r -> Rows.dbl(r, "anxiety_time_s") != null)
                    .reduce((a, b) -> b)
                    .map(r -> Rows.str(r, "note"))
                    .orElse(null);
            String rule = "plateau: each of the last " + cfg.lastN() + " sessions has at least "
                    + Format.number(cfg.highBurdenS(), 0)
                    + " s in candidate anxiety episodes and the least-squares trend shows"
                    + " no significant decline (one-sided p >= " + Format.number(cfg.declineAlpha(), 2) + ")";
            out.put(
                    clientKey,
                    new ClientView(
                            clientKey,
                            recompute,
                            ordered.stream().map(this::client).toList(),
                            BurdenChart.svg(bars, cfg.highBurdenS()),
                            latestNote,
                            rule,
                            methods));
        }
        return out;
    }

    private ClientLine client(Map<String, Object> r) {
        String id = Rows.str(r, "session_id");
        String therapist = Rows.str(r, "therapist_id");
        Double slope = Rows.dbl(r, "anxiety_trend_s_per_session");
        return new ClientLine(
                Rows.int0(r, "session_number"),
                id,
                tables.names().session(id),
                therapist,
                tables.names().trainee(therapist),
                Rows.str(r, "session_date"),
                Rows.anxiety(r)[0],
                Rows.anxiety(r)[1],
                Format.number(Rows.dbl(r, "peak_anxiety_index"), 1),
                // null in a session whose video was not coded (a 0 there would read as "none seen")
                r.get("ruptures_withdrawal") == null
                        ? SessionViews.NOT_CODED
                        : Rows.int0(r, "ruptures_withdrawal") + " / " + Rows.int0(r, "ruptures_confrontation") + " ("
                                + Rows.int0(r, "ruptures_unaddressed") + ")",
                slope == null ? "\u2014" : Format.number(slope, 1) + " s/session",
                Format.number(Rows.dbl(r, "decline_p"), 3),
                Rows.int0(r, "high_burden_sessions") + " of " + Rows.int0(r, "trend_sessions"),
                Rows.bool(r, "plateau"),
                // a row without a note shows a dash, as every other empty value (twenty-second audit)
                Optional.ofNullable(Rows.str(r, "note")).orElse("\u2014"));
    }
}
