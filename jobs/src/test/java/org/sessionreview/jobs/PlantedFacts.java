package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionreview.ingest.session.Pseudonymizer;

/**
 * What the sample generator planted ({@code planted.json}, written from its own plan, never from
 * pipeline code) checked against a review's Parquet tables read back with DuckDB. Shared by the
 * review of the committed {@code sample-data/} ({@link ReviewCliITCase}) and by the reviews of
 * cohorts generated with other seeds ({@link OtherSeedCohortsITCase}), so a rule that holds only
 * for the committed noise fails.
 */
final class PlantedFacts {
    private final DuckDb db;
    private final Path out;
    private final JsonNode planted;

    PlantedFacts(DuckDb db, Path out, JsonNode planted) {
        this.db = db;
        this.out = out;
        this.planted = planted;
    }

    private String t(String table) {
        return DuckDb.parquet(out.resolve(table));
    }

    /** Each planted client episode is one anxiety moment starting within the plan's onset tolerance, and there is no other. */
    void everyPlantedEpisodeFoundAndNoOther() throws Exception {

        List<String> missing = new ArrayList<>();
        int episodes = 0;
        double tolerance = planted.get("onset_tolerance_s").asDouble();
        for (JsonNode s : planted.get("sessions")) {
            for (JsonNode e : s.get("client_episodes")) {
                episodes++;
                double start = e.get("start_s").asDouble();
                Object found = db.scalar("SELECT count(*) FROM " + t("moments")
                        + " WHERE kind = 'anxiety_episode' AND role = 'client'" + " AND session_id = '"
                        + s.get("session_id").asText() + "' AND abs(start_s - " + start + ") <= " + tolerance);
                if (((Number) found).intValue() != 1) {
                    missing.add(s.get("session_id").asText() + " episode at " + start + " s");
                }
            }
        }
        assertTrue(episodes >= 6, "the cohort plants at least 6 episodes");
        assertTrue(
                missing.isEmpty(),
                "planted episodes not found within " + tolerance + " s: " + missing + "\nmoments: "
                        + db.query("SELECT session_id, role, start_s, end_s, severity FROM " + t("moments")
                                + " ORDER BY 1, 3"));
        long clientEpisodeMoments = ((Number) db.scalar(
                        "SELECT count(*) FROM " + t("moments") + " WHERE role = 'client' AND kind = 'anxiety_episode'"))
                .longValue();
        assertEquals(episodes, clientEpisodeMoments, "every client anxiety moment is a planted episode");
    }

    /** No moment overlaps a planted EDA contact loss, whose windows have low EDA quality. */
    void noEpisodeAtContactLoss() throws Exception {

        int stretches = 0;
        for (JsonNode s : planted.get("sessions")) {
            for (JsonNode c : s.get("contact_loss")) {
                stretches++;
                String sid = s.get("session_id").asText();
                double from = c.get("start_s").asDouble();
                double to = c.get("end_s").asDouble();
                Object n = db.scalar("SELECT count(*) FROM " + t("moments") + " WHERE session_id = '" + sid
                        + "' AND role = '" + c.get("role").asText() + "' AND start_s < " + to + " AND end_s > " + from);
                assertEquals(0, ((Number) n).intValue(), "moment during contact loss in " + sid);
                Object q = db.scalar("SELECT max(eda_quality) FROM " + t("windows") + " WHERE session_id = '" + sid
                        + "' AND role = '" + c.get("role").asText() + "' AND start_s >= " + from + " AND end_s <= "
                        + to);
                assertTrue(((Number) q).doubleValue() < 0.5, "EDA quality during contact loss should be low, got " + q);
            }
        }
        assertTrue(stretches >= 1, "the cohort plants a contact-loss stretch");
    }

    /** A session is flagged exactly when episodes are planted in it, with their count, a priority and reasons. */
    void flaggedExactlyWherePlanted() throws Exception {

        for (JsonNode s : planted.get("sessions")) {
            String sid = s.get("session_id").asText();
            Map<String, Object> row = db.query(
                            "SELECT flagged, priority, anxiety_episodes, len(flag_reasons) AS reasons FROM "
                                    + t("sessions") + " WHERE session_id = '" + sid + "'")
                    .get(0);
            int planted = s.get("client_episodes").size();
            assertEquals(planted, ((Number) row.get("anxiety_episodes")).intValue(), sid);
            assertEquals(planted > 0, row.get("flagged"), sid);
            if (planted == 0) {
                assertEquals(0.0, ((Number) row.get("priority")).doubleValue(), sid);
            } else {
                assertTrue(((Number) row.get("priority")).doubleValue() > 0, sid);
                assertTrue(((Number) row.get("reasons")).intValue() > 0, sid);
            }
        }
    }

    /** The planted first session ranks first, every session lands in its planted priority tier, and an unanswered safety event says so. */
    void safetyFirstAndPriorityTiers() throws Exception {

        String first =
                (String) db.scalar("SELECT session_id FROM " + t("sessions") + " ORDER BY priority DESC LIMIT 1");
        assertEquals(planted.get("expected_first_session").asText(), first);
        // the review order: each session lands in the priority tier its planted coded events give it
        for (JsonNode s : planted.get("sessions")) {
            double priority = ((Number) db.scalar("SELECT priority FROM " + t("sessions") + " WHERE session_id = '"
                            + s.get("session_id").asText() + "'"))
                    .doubleValue();
            assertEquals(
                    s.get("expected_priority_tier").asInt(),
                    (int) Math.floor(priority / 1000),
                    s.get("session_id").asText() + " priority " + priority);
        }
        for (JsonNode s : planted.get("sessions")) {
            for (JsonNode e : s.get("safety_events")) {
                Map<String, Object> m = db.query(
                                "SELECT evidence FROM " + t("moments") + " WHERE kind = 'safety' AND session_id = '"
                                        + s.get("session_id").asText() + "' AND abs(start_s - "
                                        + e.get("t_s").asDouble() + ") < 1")
                        .get(0);
                assertEquals(
                        !e.get("responded").asBoolean(),
                        ((String) m.get("evidence")).contains("no therapist response"),
                        m.toString());
            }
        }
    }

    /** Each planted rupture is found once with its planted outcome, no other rupture, and the session roll-up agrees. */
    void everyRuptureWithItsOutcome() throws Exception {

        int planted = 0;
        for (JsonNode s : this.planted.get("sessions")) {
            for (JsonNode r : s.get("ruptures")) {
                planted++;
                List<Map<String, Object>> rows =
                        db.query("SELECT outcome FROM " + t("ruptures") + " WHERE session_id = '"
                                + s.get("session_id").asText() + "' AND class = '"
                                + r.get("class").asText() + "' AND abs(start_s - "
                                + r.get("start_s").asDouble() + ") < 1");
                assertEquals(1, rows.size(), s.get("session_id").asText() + " rupture at " + r.get("start_s"));
                assertEquals(r.get("expected_outcome").asText(), rows.get(0).get("outcome"));
            }
        }
        assertTrue(planted >= 2, "a repaired and an unaddressed rupture are planted");
        assertEquals((long) planted, ((Number) db.scalar("SELECT count(*) FROM " + t("ruptures"))).longValue());
        // the session roll-up: every rupture session has segments with markers of its class and a resolution ratio
        for (Map<String, Object> r :
                db.query("SELECT ruptures_withdrawal w, ruptures_confrontation c, segments_with_w_share sw,"
                        + " segments_with_c_share sc, resolution_ratio rr FROM " + t("sessions")
                        + " WHERE ruptures_withdrawal + ruptures_confrontation > 0")) {
            assertEquals(((Number) r.get("w")).intValue() > 0, ((Number) r.get("sw")).doubleValue() > 0, r.toString());
            assertEquals(((Number) r.get("c")).intValue() > 0, ((Number) r.get("sc")).doubleValue() > 0, r.toString());
            assertNotNull(r.get("rr"), r.toString());
        }
        Object unaddressedMoments =
                db.scalar("SELECT count(*) FROM " + t("moments") + " WHERE kind = 'unaddressed_rupture'");
        assertTrue(((Number) unaddressedMoments).longValue() >= 1);
    }

    /** Planted missed opportunities are reported (as missed or unvoiced arousal); answered episodes are not. */
    void missedButNotAnsweredOpportunities() throws Exception {

        for (JsonNode s : planted.get("sessions")) {
            String sid = s.get("session_id").asText();
            for (JsonNode m : s.get("missed_opportunities")) {
                String kind = m.get("voiced").asBoolean() ? "missed_opportunity" : "unvoiced_arousal";
                Object n = db.scalar(
                        "SELECT count(*) FROM " + t("moments") + " WHERE session_id = '" + sid + "' AND kind = '" + kind
                                + "' AND start_s <= " + (m.get("t_s").asDouble() + 30) + " AND end_s >= "
                                + (m.get("t_s").asDouble() - 30));
                assertTrue(((Number) n).longValue() >= 1, sid + " " + kind + " at " + m.get("t_s"));
            }
            for (JsonNode a : s.get("answered_episodes")) {
                Object n = db.scalar("SELECT count(*) FROM " + t("moments") + " WHERE session_id = '" + sid
                        + "' AND kind IN ('missed_opportunity', 'unvoiced_arousal') AND abs(start_s - "
                        + a.get("start_s").asDouble()
                        + ") <= 30");
                assertEquals(
                        0L,
                        ((Number) n).longValue(),
                        sid + ": the answered episode " + a.get("episode_id") + " is not missed");
            }
        }
    }

    /** Plateau flags follow the plan's client trends, trainees count every session, and synchrony is computed. */
    void plateauClientsTraineesAndSynchrony() throws Exception {

        for (JsonNode c : planted.get("plateau_clients")) {
            String key = Pseudonymizer.demo().pseudonym(c.asText());
            Object plateau = db.scalar("SELECT plateau FROM " + t("clients") + " WHERE client_key = '" + key
                    + "' ORDER BY session_number DESC LIMIT 1");
            assertEquals(Boolean.TRUE, plateau, c.asText());
        }
        Object others = db.scalar("SELECT count(*) FROM " + t("clients")
                + " WHERE plateau AND note = 'discuss in supervision: consider consultation'");
        assertEquals((long) planted.get("plateau_clients").size(), ((Number) others).longValue());
        // every client session's plateau flag is the plan's (planted.json client_trends), not the pipeline's own rule
        // run twice
        int trendRows = 0;
        for (JsonNode c : planted.get("client_trends")) {
            String key = Pseudonymizer.demo().pseudonym(c.get("client_id").asText());
            for (JsonNode s : c.get("sessions")) {
                trendRows++;
                Object plateau = db.scalar("SELECT plateau FROM " + t("clients") + " WHERE client_key = '" + key
                        + "' AND session_number = " + s.get("session_number").asInt());
                assertEquals(
                        s.get("plateau").asBoolean(),
                        plateau,
                        c.get("client_id").asText() + " #" + s.get("session_number"));
            }
        }
        assertEquals(((Number) db.scalar("SELECT count(*) FROM " + t("clients"))).longValue(), (long) trendRows);
        List<Map<String, Object>> trainees =
                db.query("SELECT therapist_id, sessions FROM " + t("trainees") + " WHERE period = 'all' ORDER BY 1");
        long sessions = trainees.stream()
                .mapToLong(r -> ((Number) r.get("sessions")).longValue())
                .sum();
        assertEquals((long) planted.get("sessions").size(), sessions);
        Object sync = db.scalar("SELECT count(*) FROM " + t("sessions") + " WHERE synchrony_es IS NOT NULL");
        assertTrue(((Number) sync).longValue() >= 5, "sessions with both wearers get a synchrony value: " + sync);
        for (String signal : List.of("eda", "hr")) {
            Object n = db.scalar(
                    "SELECT count(*) FROM " + t("synchrony") + " WHERE signal = '" + signal + "' AND status = 'ok'");
            assertTrue(((Number) n).longValue() > 1000, signal + " synchrony windows: " + n);
        }
    }
}
