package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Reject;
import org.sessionreview.taxonomy.Codebook;

/**
 * Plants a client's name in every field of broken records of each format and checks that no
 * reject reason or raw text, and no field of an accepted annotation, carries it.
 */
class AnnotationPrivacyTest {
    private static final String CANARY = "Jane Roe";
    private final AnnotationNormalizer normalizer = new AnnotationNormalizer(Codebook.canonicalOnly());

    private ParseResult<Annotation> read(String fileName, String content) throws IOException {
        return read(fileName, content, "s1");
    }

    /**
     * As {@link #read(String, String)} for session {@code sessionId}; null reads every observation
     * of a BORIS file with several (none is named after a known session).
     */
    private ParseResult<Annotation> read(String fileName, String content, String sessionId) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ParseResult<RawAnnotation> parsed =
                AnnotationReader.read(new ByteArrayInputStream(bytes), fileName, fileName, sessionId);
        return normalizer.normalizeAll(parsed, "s1");
    }

    /** Asserts no reject and no annotation field holds the canary (or either half of it). */
    private static void assertNoCanary(ParseResult<Annotation> r, int minRejects) {
        assertTrue(r.rejects().size() >= minRejects, "rejects: " + r.rejects());
        List<String> texts = new ArrayList<>();
        for (Reject j : r.rejects()) {
            texts.add(j.reason);
            texts.add(j.raw);
        }
        for (Annotation a : r.records()) {
            texts.addAll(List.of(a.code, a.family, a.actor, String.valueOf(a.modifiers), a.label, a.sourceFile));
        }
        for (String t : texts) {
            if (t != null) {
                String lower = t.toLowerCase(Locale.ROOT);
                assertFalse(lower.contains("jane") || lower.contains("roe"), "leaks the canary: " + t);
            }
        }
    }

    @Test
    void shouldNeverQuoteTheNameWhenJsonlRecordsCarryItEverywhere() throws IOException {
        String jsonl = String.join(
                "\n",
                "{\"start\": \"Jane Roe\", \"code\": \"Jane Roe\", \"actor\": \"Jane Roe\", \"note\": \"Jane Roe\","
                        + " \"Jane Roe\": \"Jane Roe\", \"significance\": \"Jane Roe\"}",
                "{\"start\": 1, \"end\": \"Jane Roe\", \"code\": \"AFF_CUE\"}",
                "{\"start\": 1, \"code\": \"Jane Roe\", \"actor\": \"client\"}",
                "{\"start\": 1, \"code\": \"RUP_W_Jane Roe\"}",
                "{\"start\": 1, \"code\": \"AFF_CUE\", \"actor\": \"Jane Roe\", \"Jane Roe\": \"Jane Roe\"}",
                "{\"start\": Jane Roe, \"code\": \"AFF_CUE\"}",
                "{\"start\": 1, \"code\": \"AFF_CUE\"} {\"Jane Roe\": 1}",
                "{\"start\": 1, \"code\": \"AFF_CUE\", \"Jane Roe\": [\"Jane Roe\"]}",
                "[\"Jane Roe\"]",
                "{\"start\": 2, \"code\": \"ANX_CPD\", \"intensity\": \"2\", \"channel\": \"Jane Roe\","
                        + " \"Jane Roe\": \"x\", \"observation\": \"Jane Roe\", \"comment\": \"Jane Roe\"}");
        ParseResult<Annotation> r = read("codes.jsonl", jsonl);
        assertNoCanary(r, 9);
        assertEquals(1, r.records().size());
        assertEquals(2, r.records().get(0).significance);
        Reject note = r.rejects().get(r.rejects().size() - 1);
        assertEquals(0, note.line);
        assertEquals(
                r.recordsRead(), r.records().size() + r.rejects().size(), "the note counts as one rejected record");
        assertEquals(
                "3 modifier values outside the allow-list were dropped (keys: channel, observation;"
                        + " 1 other field)",
                note.reason);
        assertTrue(
                r.rejects().stream()
                        .anyMatch(j -> j.reason.equals("label in field code maps to no canonical code (8 characters)")),
                r.rejects().toString());
        assertTrue(r.rejects().stream().anyMatch(j -> j.reason.startsWith("unknown actor in field actor: ")));
        assertTrue(
                r.rejects().stream()
                        .anyMatch(j -> j.reason.equals("trailing content after the JSON object at line 7")
                                || j.reason.startsWith("not valid JSON at line 7")),
                r.rejects().toString());
    }

    @Test
    void shouldNeverQuoteTheNameWhenNativeCsvRowsCarryIt() throws IOException {
        String csv = "start,end,code,actor,note,Jane Roe\n"
                + "Jane Roe,1,AFF_CUE,client,Jane Roe,Jane Roe\n"
                + "1,2,Jane Roe,Jane Roe,Jane Roe,Jane Roe\n"
                + "1,2,AFF_CUE,Jane Roe,Jane Roe,Jane Roe\n"
                + "1,2,AFF_CUE,client,Jane Roe,Jane Roe,Jane Roe\n"
                + "1,\"Jane Roe\n";
        assertNoCanary(read("codes.csv", csv), 5);
    }

    @Test
    void shouldNeverQuoteTheNameWhenElanDocumentCarriesIt() throws IOException {
        String eaf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ANNOTATION_DOCUMENT AUTHOR="Jane Roe" FORMAT="3.0" VERSION="3.0">
                <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
                <MEDIA_DESCRIPTOR MEDIA_URL="file:///Jane Roe.mp4" MIME_TYPE="video/mp4"/></HEADER>
                <TIME_ORDER><TIME_SLOT TIME_SLOT_ID="Jane Roe 1" TIME_VALUE="0"/>
                <TIME_SLOT TIME_SLOT_ID="Jane Roe 2" TIME_VALUE="2000"/>
                <TIME_SLOT TIME_SLOT_ID="Jane Roe 3" TIME_VALUE="Jane Roe"/>
                <TIME_SLOT TIME_SLOT_ID="Jane Roe 4"/></TIME_ORDER>
                <TIER TIER_ID="Jane Roe" PARTICIPANT="Jane Roe" LINGUISTIC_TYPE_REF="t">
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="Jane Roe a1" TIME_SLOT_REF1="Jane Roe 1" TIME_SLOT_REF2="Jane Roe 2">
                <ANNOTATION_VALUE>AFF_CUE</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="Jane Roe a2" TIME_SLOT_REF1="Jane Roe 1" TIME_SLOT_REF2="Jane Roe 2">
                <ANNOTATION_VALUE>Jane Roe</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="Jane Roe a3" TIME_SLOT_REF1="Jane Roe 3" TIME_SLOT_REF2="Jane Roe 2">
                <ANNOTATION_VALUE>AFF_CUE</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="Jane Roe a4" TIME_SLOT_REF1="Jane Roe 4" TIME_SLOT_REF2="Jane Roe 9">
                <ANNOTATION_VALUE>AFF_CUE</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                </TIER>
                <TIER TIER_ID="CL" PARTICIPANT="client" LINGUISTIC_TYPE_REF="t">
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="Jane Roe c1" TIME_SLOT_REF1="Jane Roe 1" TIME_SLOT_REF2="Jane Roe 2">
                <ANNOTATION_VALUE>ANX_CPD</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                </TIER>
                <TIER TIER_ID="intensity@CL" PARENT_REF="CL" LINGUISTIC_TYPE_REF="assoc">
                <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="Jane Roe m1" ANNOTATION_REF="Jane Roe c1">
                <ANNOTATION_VALUE>Jane Roe</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="Jane Roe m2" ANNOTATION_REF="Jane Roe missing">
                <ANNOTATION_VALUE>2</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                </TIER>
                <TIER TIER_ID="Notiz@CL" PARENT_REF="CL" LINGUISTIC_TYPE_REF="assoc">
                <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="Jane Roe n1" ANNOTATION_REF="Jane Roe c1">
                <ANNOTATION_VALUE>Jane Roe rief an</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="Jane Roe n2" ANNOTATION_REF="Jane Roe gone">
                <ANNOTATION_VALUE>Jane Roe</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                </TIER>
                <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="t" TIME_ALIGNABLE="true"/>
                <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="assoc" TIME_ALIGNABLE="false" CONSTRAINTS="Symbolic_Association"/>
                </ANNOTATION_DOCUMENT>
                """;
        ParseResult<Annotation> r = read("codes.eaf", eaf);
        assertNoCanary(r, 7);
        assertTrue(
                r.rejects().stream().anyMatch(j -> j.reason.startsWith("tier has no role: ")),
                r.rejects().toString());
        assertTrue(
                r.rejects().stream()
                        .anyMatch(j ->
                                j.reason.equals("label in ANNOTATION_VALUE maps to no canonical code (8 characters)")),
                r.rejects().toString());
        Annotation cpd = r.records().get(0);
        assertEquals("ANX_CPD", cpd.code);
        assertEquals(null, cpd.significance, "a name typed into a modifier tier is dropped");

        String broken = "<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT>\n<TIER TIER_ID=\"Jane Roe\"><JaneRoe></TIER>";
        assertNoCanary(read("broken.eaf", broken), 1);
    }

    @Test
    void shouldNeverQuoteTheNameWhenElanTabRowsCarryIt() throws IOException {
        String tab = "Jane Roe\tJane Roe\t00:00:01.000\t1.0\t00:00:03.000\t3.0\tJane Roe\n"
                + "Jane Roe\tJane Roe\t00:00:01.000\t1.0\t00:00:03.000\t3.0\tAFF_CUE\n"
                + "Jane Roe\tJane Roe\tJane Roe\t1.0\t00:00:03.000\t3.0\tAFF_CUE\n"
                + "Jane Roe\tJane Roe\t00:00:01.000\n";
        assertNoCanary(read("export.txt", tab), 4);
    }

    @Test
    void shouldNeverQuoteTheNameWhenBorisTableRowsCarryIt() throws IOException {
        String header = "Observation id\tObservation date\tDescription\tSubject\tBehavior\tModifier #1"
                + "\tBehavior type\tTime\tComment\n";
        String tsv = header
                + "Jane Roe\td\tJane Roe\tJane Roe\tJane Roe\tJane Roe\tPOINT\t1.0\tJane Roe\n"
                + "Jane Roe\td\tJane Roe\tclient\tAFF_CUE\tJane Roe\tSTOP\t2.0\tJane Roe\n"
                + "Jane Roe\td\tJane Roe\tclient\tAFF_CUE\tJane Roe\tJane Roe\t3.0\tJane Roe\n"
                + "Jane Roe\td\tJane Roe\tclient\tAFF_CUE\tJane Roe\tPOINT\tJane Roe\tJane Roe\n"
                + "Jane Roe 2\td\tJane Roe\tJane Roe\tAFF_CUE\tJane Roe\tPOINT\t4.0\tJane Roe\n"
                + "Jane Roe 2\td\tJane Roe\tJane Roe\tAFF_CUE\tJane Roe\tSTART\t4.5\tJane Roe\n"
                + "Jane Roe 2\td\tJane Roe\tclient\tAFF_CUE\t2\tPOINT\t5.0\tJane Roe\n";
        ParseResult<Annotation> r = read("boris.tsv", tsv, null);
        assertNoCanary(r, 6);
        // read for a session: both observations, named after nobody's session, are rejected unquoted
        assertNoCanary(read("boris.tsv", tsv), 2);
        assertTrue(
                r.rejects().stream()
                        .anyMatch(j ->
                                j.reason.equals("label in column Behavior maps to no canonical code (8 characters)")),
                r.rejects().toString());
        assertTrue(r.rejects().stream().anyMatch(j -> j.reason.startsWith("unknown actor in column Subject: ")));
        assertEquals("observation=2", r.records().get(0).modifiers, "the observation's index, never its id");
    }

    @Test
    void shouldKeepObservationIdsOutOfAnnotationsWhenBorisProjectNamesObservationsAfterClients() throws IOException {
        String project = """
                {"project_name": "Jane Roe",
                 "behaviors_conf": {"0": {"type": "State event", "code": "AFF_CUE", "modifiers": {}},
                                    "1": {"type": "Point event", "code": "INT_VALIDATION",
                                          "modifiers": {"0": {"name": "Jane Roe", "values": []}}}},
                 "observations": {
                   "Jane Roe": {"type": "LIVE", "events": [
                     [1.0, "client", "AFF_CUE", "", "Jane Roe"],
                     [3.0, "client", "AFF_CUE", "", ""],
                     [4.0, "therapist", "INT_VALIDATION", "Jane Roe", "Jane Roe"]]},
                   "Roe, Jane (session 2)": {"type": "LIVE", "events": [
                     [2.0, "client", "AFF_CUE", "", ""],
                     [5.0, "Jane Roe", "Jane Roe", "Jane Roe", "Jane Roe"],
                     ["Jane Roe", "client", "AFF_CUE", "", ""],
                     [6.0, "Jane Roe", "INT_VALIDATION", "", ""]]}}}
                """;
        ParseResult<Annotation> r = read("project.boris", project, null);
        assertNoCanary(r, 4);
        assertNoCanary(read("project.boris", project), 2);
        assertEquals(
                List.of("observation=1", "observation=1"),
                r.records().stream().map(a -> a.modifiers).toList());
        assertTrue(
                r.rejects().stream()
                        .anyMatch(
                                j -> j.reason.equals(
                                        "START without STOP for the same subject and behaviour in observation 2 (START at 2.0 s)")),
                r.rejects().toString());
        assertTrue(r.rejects().stream().anyMatch(j -> j.reason.startsWith("unknown actor in event subject: ")));

        ParseResult<Annotation> trailing = read("two.boris", project + "\n{\"Jane Roe\": 1}");
        assertNoCanary(trailing, 1);
        assertEquals(
                List.of("trailing content after the JSON object at line 16"),
                trailing.rejects().stream().map(j -> j.reason).toList());
        ParseResult<Annotation> invalid = read("bad.boris", "{\"behaviors_conf\": {}, \"observations\": Jane Roe}");
        assertNoCanary(invalid, 1);
        assertTrue(invalid.rejects().get(0).reason.startsWith("BORIS project: not valid JSON at line 1, column "));
    }

    @Test
    void shouldNeverQuoteTheNameWhenDyadSyncRowsCarryIt() throws IOException {
        String csv = "start;end;tipo;note;Jane Roe\n"
                + "Jane Roe;00:10;reflection;Jane Roe;Jane Roe\n"
                + "00:01;00:10;Jane Roe;Jane Roe;Jane Roe\n";
        assertNoCanary(read("minutaggi.csv", csv), 2);
    }
}
