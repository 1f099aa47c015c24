package org.sessionreview.jobs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The review queue (index page): flagged sessions in review order with their reasons, then the
 * sessions with nothing flagged, then the ids of sessions withheld for lack of supervision
 * consent (no other content), and links to every trainee and client page.
 *
 * <p>Order ({@link #ORDER}): sessions with a safety event first, then priority (higher first),
 * then session id. The review's priority already puts safety first (tier x 1000); the report sorts
 * on it explicitly as well so that the rule holds whatever the priority weights.
 *
 * @param flagged flagged sessions in review order, ranked from 1
 * @param unflagged sessions with nothing to review, in the same order
 * @param withheld ids of sessions without supervision consent, sorted
 * @param trainees therapist ids with a page, sorted
 * @param clients client keys with a page, sorted
 */
public record QueueView(
        List<Row> flagged, List<Row> unflagged, List<String> withheld, List<Link> trainees, List<Link> clients) {

    /** Safety first, then priority descending, then session id. */
    public static final Comparator<Map<String, Object>> ORDER = Comparator.comparing(
                    (Map<String, Object> s) -> Rows.int0(s, "safety_events") > 0 ? 0 : 1)
            .thenComparing(s -> -Rows.dbl0(s, "priority"))
            .thenComparing(s -> Rows.str(s, "session_id"), Comparator.nullsFirst(Comparator.naturalOrder()));

    /** A session in the queue. */
    public record Row(
            int rank,
            String sessionId,
            String page,
            String therapistId,
            String traineePage,
            String clientKeyShort,
            String clientPage,
            String date,
            int sessionNumber,
            boolean safety,
            String priority,
            List<String> reasons,
            String anxietyEpisodes,
            String anxietyTime,
            String ruptures,
            String missed,
            String safetyEvents,
            String qualityClient,
            String qualityTherapist,
            boolean lowClient,
            boolean lowTherapist,
            String startAt,
            String startWhat,
            String startAnchor) {}

    /** Which moment to watch first: lower rank first, then the earliest. */
    static final List<String> START_ORDER = List.of(
            "safety",
            "unaddressed_rupture",
            "escalated_rupture",
            "missed_opportunity",
            "pressure_above_threshold",
            "unvoiced_arousal",
            "anxiety_episode",
            "rupture",
            "therapist_anxiety_episode",
            "synchrony_drop");

    /**
     * A moment's place in {@link #START_ORDER}: the order of the session's flag reasons. An escalated
     * rupture is one of them, a resolved or partly resolved one is not (it comes after the client's
     * anxiety episodes), and a therapist's anxiety episode is context, after everything coded.
     */
    static int startRank(Map<String, Object> m) {
        String kind = Rows.str(m, "kind");
        if ("rupture".equals(kind) && String.valueOf(m.get("evidence")).contains("; outcome escalated")) {
            kind = "escalated_rupture";
        } else if ("anxiety_episode".equals(kind) && "therapist".equals(Rows.str(m, "role"))) {
            kind = "therapist_anxiety_episode";
        }
        int rank = START_ORDER.indexOf(kind);
        return rank < 0 ? START_ORDER.size() : rank;
    }

    /** A link to the page of {@code id}. */
    public record Link(String id, String text, String page) {}

    /**
     * The data quality below which a wearer is marked LOW ({@code scoring.low_data_quality} from
     * the sessions table's footer, default 0.5), on the queue and the session pages alike.
     */
    static double lowQuality(ReportTables tables) {
        return Double.parseDouble(
                MethodsView.of(tables.footers(), List.of("sessions")).parameter("scoring.low_data_quality", "0.5"));
    }

    /** The queue of the consented sessions in {@code tables}. */
    public static QueueView of(ReportTables tables) {
        List<Map<String, Object>> ordered = new ArrayList<>(tables.sessions());
        ordered.sort(ORDER);
        double low = lowQuality(tables);
        List<Row> flagged = new ArrayList<>();
        List<Row> unflagged = new ArrayList<>();
        TreeSet<String> therapists = new TreeSet<>();
        TreeSet<String> clients = new TreeSet<>();
        for (Map<String, Object> s : ordered) {
            boolean isFlagged = Rows.bool(s, "flagged");
            List<Row> target = isFlagged ? flagged : unflagged;
            String id = Rows.str(s, "session_id");
            List<Map<String, Object>> windows = tables.rows(id, "windows");
            target.add(row(
                    target.size() + 1,
                    s,
                    low,
                    SessionViews.hasWearable(s, "client", windows),
                    SessionViews.hasWearable(s, "therapist", windows),
                    tables.rows(id, "moments"),
                    tables.names()));
            therapists.add(Rows.str(s, "therapist_id"));
            clients.add(Rows.str(s, "client_key"));
        }
        return new QueueView(
                flagged,
                unflagged,
                List.copyOf(tables.withheld()),
                therapists.stream()
                        .map(t -> new Link(t, t, tables.names().trainee(t)))
                        .toList(),
                clients.stream()
                        .map(c -> new Link(
                                c, SessionViews.shortKey(c), tables.names().client(c)))
                        .toList());
    }

    /**
     * The moment to watch first among a session's moments, by {@link #START_ORDER} then time:
     * its index (from 1) in the session page's moment table, or 0 when there is none.
     */
    static int startHere(List<Map<String, Object>> sortedMoments) {
        int best = 0;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < sortedMoments.size(); i++) {
            int rank = startRank(sortedMoments.get(i));
            if (rank < bestRank) {
                bestRank = rank;
                best = i + 1;
            }
        }
        return best;
    }

    static Row row(
            int rank,
            Map<String, Object> s,
            double lowQuality,
            boolean clientWearable,
            boolean therapistWearable,
            List<Map<String, Object>> moments,
            PageNames names) {
        List<Map<String, Object>> sorted = SessionViews.sorted(moments);
        int start = startHere(sorted);
        Map<String, Object> m = start == 0 ? null : sorted.get(start - 1);
        String id = Rows.str(s, "session_id");
        String therapist = Rows.str(s, "therapist_id");
        String client = Rows.str(s, "client_key");
        double qc = Rows.dbl0(s, "data_quality_client");
        double qt = Rows.dbl0(s, "data_quality_therapist");
        // without any accepted annotation a count of 0 would read as "none seen"
        boolean coded = Rows.int0(s, "annotation_count") > 0;
        return new Row(
                rank,
                id,
                names.session(id),
                therapist,
                names.trainee(therapist),
                SessionViews.shortKey(client),
                names.client(client),
                Rows.str(s, "session_date"),
                Rows.int0(s, "session_number"),
                Rows.int0(s, "safety_events") > 0,
                Format.number(Rows.dbl(s, "priority"), 1),
                Rows.list(s, "flag_reasons"),
                Rows.anxiety(s)[0],
                Rows.anxiety(s)[1],
                coded
                        ? Rows.int0(s, "ruptures_withdrawal") + " / " + Rows.int0(s, "ruptures_confrontation")
                        : SessionViews.NOT_CODED,
                s.get("missed_opportunities") == null
                        ? SessionViews.NOT_CODED
                        : Integer.toString(Rows.int0(s, "missed_opportunities")),
                coded ? Integer.toString(Rows.int0(s, "safety_events")) : SessionViews.NOT_CODED,
                SessionViews.wearerQuality(qc, clientWearable, "none"),
                SessionViews.wearerQuality(qt, therapistWearable, "none"),
                clientWearable && qc < lowQuality,
                // a session without a wearable is a legitimate set-up; one worn but without valid
                // data is not
                therapistWearable && qt < lowQuality,
                m == null ? null : Format.mmss(Rows.dbl0(m, "start_s")),
                m == null ? null : MomentText.kind(Rows.str(m, "kind"), Rows.str(m, "role")),
                m == null ? null : "m-" + start);
    }
}
