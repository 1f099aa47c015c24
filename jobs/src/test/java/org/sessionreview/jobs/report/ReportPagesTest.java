package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPagesTest {
    @Test
    void shouldEscapeEveryValueFromTheTablesAndLinkMomentsToTheVideo(@TempDir Path out) throws Exception {
        String evil = "<script>alert('x')</script>";
        ReportTables t = Fixtures.tables(
                List.of(Fixtures.session("S1", "T<1>", "k1", 1, "2026-03-01", 900, 0, true)),
                List.of(Fixtures.row(
                        "session_id",
                        "S1",
                        "kind",
                        "missed_opportunity",
                        "role",
                        "therapist",
                        "start_s",
                        588.0,
                        "end_s",
                        638.0,
                        "start_utc",
                        0L,
                        "severity",
                        3.0,
                        "evidence",
                        evil)));
        ReportPages.Written w =
                ReportPages.write(t, Optional.of(VideoLinks.of("file:///videos/{session_id}.mp4")), out);
        assertEquals(1, w.sessions());
        String session = Files.readString(out.resolve("sessions/S1.html"));
        assertFalse(session.contains(evil));
        assertTrue(session.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), session);
        assertTrue(session.contains("href=\"file:///videos/S1.mp4#t=588\">09:48</a>"), session);
        String index = Files.readString(out.resolve("index.html"));
        assertFalse(index.contains("T<1>"));
        assertTrue(index.contains("T&lt;1&gt;"));
        assertTrue(
                index.contains("start at <a href=\"sessions/S1.html#m-1\">09:48</a>: candidate missed opportunity"),
                index);
        // the therapist's page gets a safe file name, and the links use it
        String traineePage = FileNames.DISTINCT.page("T<1>");
        assertTrue(Files.exists(out.resolve("trainees").resolve(traineePage)));
        assertTrue(index.contains("href=\"trainees/" + traineePage + "\""));
    }

    @Test
    void shouldExplainNoWearableForEitherWearerUnderTheQueue(@TempDir Path out) throws Exception {
        java.util.Map<String, Object> noClientBand =
                new java.util.HashMap<>(Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, true));
        noClientBand.put("data_quality_client", 0.0);
        ReportPages.write(Fixtures.tables(List.of(noClientBand), List.of()), Optional.empty(), out);
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<td class=\"num\">no wearable / 90 %</td>"), index);
        // twenty-second audit: the legend said "the session had none for the therapist" beside a
        // client without a wristband
        assertFalse(index.contains("none for the therapist"), index);
        assertTrue(
                index.contains("\"no wearable\": that wearer (client or therapist) wore no wristband in the session"),
                index);
    }

    @Test
    void shouldGiveTraineesWhoseIdsDifferOnlyInCaseTwoPagesOnACaseInsensitiveFileSystem(@TempDir Path out)
            throws Exception {
        ReportTables t = Fixtures.tables(
                List.of(
                        Fixtures.session("S1", "T01", "k1", 1, "2026-03-01", 900, 0, true),
                        Fixtures.session("S2", "t01", "k2", 1, "2026-03-02", 900, 0, true),
                        Fixtures.session("S3", "T02", "k3", 1, "2026-03-03", 900, 0, true)),
                List.of());
        ReportPages.write(t, Optional.empty(), out);

        String upper = t.names().trainee("T01");
        String lower = t.names().trainee("t01");
        // before: T01.html and t01.html, one file where case is not told apart
        assertFalse(upper.equalsIgnoreCase(lower), upper + " " + lower);
        assertTrue(upper.matches("T01-[0-9a-f]{8}\\.html"), upper);
        assertEquals("T02.html", t.names().trainee("T02"));
        String index = Files.readString(out.resolve("index.html"));
        for (String page : List.of(upper, lower, "T02.html")) {
            assertTrue(Files.exists(out.resolve("trainees").resolve(page)), page);
            assertTrue(index.contains("href=\"trainees/" + page + "\""), page);
        }
        assertTrue(Files.readString(out.resolve("sessions/S2.html")).contains("trainees/" + lower));
    }

    @Test
    void shouldShowTimesAsTextWithoutAUrlPattern(@TempDir Path out) throws Exception {
        ReportTables t = Fixtures.tables(
                List.of(Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, true)),
                List.of(Fixtures.moment("S1", "anxiety_episode", 570.5, 757.5)));
        ReportPages.write(t, Optional.empty(), out);
        String session = Files.readString(out.resolve("sessions/S1.html"));
        assertTrue(session.contains("<span class=\"start\">09:30</span> – <span class=\"end\">12:37</span>"), session);
        assertFalse(session.contains("#t="));
    }

    @Test
    void shouldSayTheVideoWasNotCodedOnlyForASessionWithoutAnyAcceptedAnnotation(@TempDir Path out) throws Exception {
        java.util.Map<String, Object> uncoded =
                new java.util.HashMap<>(Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, true));
        uncoded.put("annotation_count", 0);
        ReportTables t = Fixtures.tables(
                List.of(uncoded, Fixtures.session("S2", "T1", "k1", 2, "2026-03-08", 900, 0, true)), List.of());
        ReportPages.write(t, Optional.empty(), out);
        String notCoded = "Video not coded (no accepted annotation)";
        String s1 = Files.readString(out.resolve("sessions/S1.html"));
        assertTrue(s1.contains(notCoded));
        assertFalse(Files.readString(out.resolve("sessions/S2.html")).contains(notCoded));
        // the coded-events section too (twenty-second audit: it said "None coded." below the rollup's
        // "Video not coded"); a coded video without RES/INT/SAFE events still says "None coded."
        String codedSection = s1.substring(s1.indexOf("id=\"coded\""), s1.indexOf("id=\"synchrony\""));
        assertTrue(codedSection.contains("<p>Video not coded (no accepted annotation).</p>"), codedSection);
        assertFalse(codedSection.contains("None coded."), codedSection);
        String s2 = Files.readString(out.resolve("sessions/S2.html"));
        assertTrue(s2.substring(s2.indexOf("id=\"coded\""), s2.indexOf("id=\"synchrony\""))
                .contains("None coded."));
        // the timeline's lane of moments without a lane of their own says so in its name
        assertTrue(s1.contains(">Other candidate moments<"), s1);
    }

    @Test
    void shouldShowATherapistsEpisodeAsContextNotAsTheClientsWhenNothingIsFlagged(@TempDir Path out) throws Exception {
        java.util.Map<String, Object> therapist =
                new java.util.HashMap<>(Fixtures.moment("S1", "anxiety_episode", 504, 682.5));
        therapist.put("role", "therapist");
        java.util.Map<String, Object> calm =
                new java.util.HashMap<>(Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 0, 0, true));
        calm.put("flagged", false);
        calm.put("flag_reasons", List.of());
        ReportTables t = Fixtures.tables(List.of(calm), List.of(therapist));
        ReportPages.write(t, Optional.empty(), out);
        String session = Files.readString(out.resolve("sessions/S1.html"));
        // before: "no candidate moment" above one, and the episode drawn as the client's ("therapist A1")
        assertTrue(
                session.contains("Nothing flagged for supervision; the 1 moment(s) below are context only."), session);
        assertFalse(session.contains("no candidate moment"), session);
        assertFalse(session.contains(">therapist A1<"), session);
        assertTrue(session.contains(">T1<"), session);
    }

    @Test
    void shouldNumberATraineesSessionsOnTheirOwnAndSayWhenOneIsNotFlagged(@TempDir Path out) throws Exception {
        java.util.Map<String, Object> other = Fixtures.session("S0", "T2", "k2", 1, "2026-03-01", 9000, 0, true);
        java.util.Map<String, Object> flagged = Fixtures.session("S1", "T1", "k1", 1, "2026-03-02", 500, 0, true);
        java.util.Map<String, Object> calm =
                new java.util.HashMap<>(Fixtures.session("S2", "T1", "k1", 2, "2026-03-03", 0, 0, true));
        calm.put("flagged", false);
        calm.put("flag_reasons", List.of());
        ReportPages.write(Fixtures.tables(List.of(other, flagged, calm), List.of()), Optional.empty(), out);
        String page = Files.readString(out.resolve("trainees/T1.html"));
        String table = page.substring(page.indexOf("id=\"trainee-sessions\""));
        // before: the index's numbers, 2 for S1 and 1 for S2 (its place in the "nothing flagged" list)
        assertTrue(table.matches("(?s).*<td class=\"num\">1</td>\\s*<td><a class=\"session-link\"[^>]*>S1<.*"), table);
        assertTrue(table.matches("(?s).*<td class=\"num\">2</td>\\s*<td><a class=\"session-link\"[^>]*>S2<.*"), table);
        assertTrue(table.contains("nothing flagged"), table);
    }

    @Test
    void shouldMarkAWearerLowOnTheSessionPageByTheSessionsFootersThreshold(@TempDir Path out) throws Exception {
        // twenty-second audit: the session page had no LOW mark where the queue had one
        java.util.Map<String, Object> s =
                new java.util.HashMap<>(Fixtures.session("S1", "T1", "k1", 1, "2026-03-01", 900, 0, true));
        s.put("data_quality_client", 0.7);
        s.put("data_quality_therapist", 0.95);
        String badge = "<span class=\"badge low\" title=\"client's data quality below";
        Files.createDirectories(out.resolve("a"));
        Files.createDirectories(out.resolve("b"));
        ReportPages.write(Fixtures.tables(List.of(s), List.of(), "0.5"), Optional.empty(), out.resolve("a"));
        assertFalse(Files.readString(out.resolve("a/sessions/S1.html")).contains(badge));
        ReportPages.write(Fixtures.tables(List.of(s), List.of(), "0.8"), Optional.empty(), out.resolve("b"));
        String page = Files.readString(out.resolve("b/sessions/S1.html"));
        assertTrue(page.contains("<dt>Data quality</dt><dd>client " + badge), page);
        assertTrue(Files.readString(out.resolve("b/index.html")).contains(badge), "the queue marks it too");
        assertFalse(page.contains("therapist's data quality below"), page);
    }
}
