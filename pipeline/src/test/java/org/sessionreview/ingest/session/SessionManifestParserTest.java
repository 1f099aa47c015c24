package org.sessionreview.ingest.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.session.SessionManifestParser.InvalidManifestException;
import org.sessionreview.model.Role;

class SessionManifestParserTest {
    private static final String CANARY = "Jane Roe";

    private static String manifest(String clientId, String wearables, String annotations, String extra) {
        return "{\"session_id\": \"s1\", \"therapist_id\": \"t1\", \"client_id\": " + clientId + ",\n"
                + " \"session_number\": 2, \"media_start\": \"2026-03-02T10:00:00+01:00\",\n"
                + " \"wearables\": " + wearables + ", \"annotations\": " + annotations + ",\n"
                + " \"consent\": {\"supervision\": true, \"research\": false}" + extra + "}";
    }

    private static final String GOOD = manifest("\"c-17\"", "{\"client\": \"e4-client\"}", "[\"codes.jsonl\"]", "");

    @Test
    void shouldParseManifestWhenFileStartsWithByteOrderMark() throws Exception {
        SessionManifest m = SessionManifestParser.parse("\uFEFF" + GOOD);
        assertEquals("s1", m.sessionId());
        assertEquals("e4-client", m.wearables().get(Role.CLIENT));
        assertEquals(List.of("codes.jsonl"), m.annotations());
    }

    @Test
    void shouldSayThatAnEmptyOrZeroedSessionJsonIsSo() {
        // twelfth audit: a zero-byte session.json (a copy that never finished) was "session.json must
        // hold a JSON object", and one of NUL bytes "not valid JSON at line 1, column 2"
        for (String empty : List.of("", "\uFEFF", " \r\n\n")) {
            InvalidManifestException e =
                    assertThrows(InvalidManifestException.class, () -> SessionManifestParser.parse(empty));
            assertEquals("session.json is empty (a copy or save that never finished?)", e.getMessage());
            assertEquals(0, e.line());
        }
        InvalidManifestException z =
                assertThrows(InvalidManifestException.class, () -> SessionManifestParser.parse("\0".repeat(4096)));
        assertEquals("session.json holds only NUL bytes (a zeroed disk block?)", z.getMessage());
        InvalidManifestException a =
                assertThrows(InvalidManifestException.class, () -> SessionManifestParser.parse("[" + GOOD + "]"));
        assertEquals("session.json must hold a JSON object", a.getMessage());
    }

    @Test
    void shouldRejectOneFolderForBothWearersWithoutQuotingIt() throws Exception {
        for (String wearables : List.of(
                "{\"client\": \"Jane Roe\", \"therapist\": \"Jane Roe\"}",
                "{\"client\": \"Jane Roe\", \"therapist\": \"./Jane Roe/\"}",
                "{\"client\": \"e4/Jane Roe\", \"therapist\": \"e4\\\\Jane Roe\"}")) {
            InvalidManifestException e = assertThrows(
                    InvalidManifestException.class,
                    () -> SessionManifestParser.parse(manifest("\"c-17\"", wearables, "[]", "")),
                    wearables);
            assertTrue(
                    e.getMessage().contains("wearables.client and wearables.therapist name the same folder"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("Jane"), e.getMessage());
        }
        SessionManifest two = SessionManifestParser.parse(
                manifest("\"c-17\"", "{\"client\": \"e4/a\", \"therapist\": \"e4/b\"}", "[]", ""));
        assertEquals("e4/b", two.wearables().get(Role.THERAPIST));
    }

    @Test
    void shouldRejectADurationLongerThanADayWhenItIsInfiniteOrInMilliseconds() throws Exception {
        String wearables = "{\"client\": \"e4-client\"}";
        // 1e309 is Infinity as a double: it ran the review's time axes out of memory
        for (String[] c : new String[][] {
            {"1e309", "'duration_s' is infinite, longer than the longest plausible session (86400 s = 24 h)"},
            {"1e12", "'duration_s' is 1.0E12 s, longer than the longest plausible session (86400 s = 24 h)"},
            {"3000000", "(86400 s = 24 h): milliseconds? Seconds are expected"}
        }) {
            InvalidManifestException e = assertThrows(
                    InvalidManifestException.class,
                    () -> SessionManifestParser.parse(
                            manifest("\"c-17\"", wearables, "[]", ", \"duration_s\": " + c[0])),
                    c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
        assertEquals(
                86_400.0,
                SessionManifestParser.parse(manifest("\"c-17\"", wearables, "[]", ", \"duration_s\": 86400"))
                        .durationS());
    }

    @Test
    void shouldReadAListOfPartsAsOneWearersRecording() throws Exception {
        SessionManifest m = SessionManifestParser.parse(manifest(
                "\"c-17\"", "{\"client\": [\"client-2\", \"client-1.zip\"], \"therapist\": [\"t\"]}", "[]", ""));
        assertEquals(List.of("client-2", "client-1.zip"), m.wearableParts().get(Role.CLIENT));
        assertEquals(List.of("t"), m.wearableParts().get(Role.THERAPIST));
        assertEquals("client-2", m.wearables().get(Role.CLIENT), "the first part listed");
        assertEquals("t", m.wearables().get(Role.THERAPIST), "a list of one is the string form");
        SessionManifest single = SessionManifestParser.parse(GOOD);
        assertEquals(List.of("e4-client"), single.wearableParts().get(Role.CLIENT));
    }

    @Test
    void shouldRejectBadListsOfPartsWithoutQuotingThem() {
        String[][] cases = {
            {"{\"client\": []}", "wearables.client is an empty list"},
            {"{\"client\": [\"a\", 3]}", "wearables.client[1] must be a folder or E4 zip name inside the session folder"
            },
            {"{\"client\": [\"Jane Roe\", null]}", "wearables.client[1] must be"},
            {"{\"client\": [\"a\", \"../Jane Roe\"]}", "wearables.client[1] must be"},
            {"{\"therapist\": [\"/Jane Roe\", \"b\"]}", "wearables.therapist[0] must be"},
            {"{\"client\": [\"Jane Roe\", \"./Jane Roe/\"]}", "wearables.client names the same folder or zip twice"},
            {
                "{\"client\": [\"a\", \"Jane Roe.zip\"], \"therapist\": \"Jane Roe.zip\"}",
                "wearables.client and wearables.therapist name the same folder"
            },
            {
                "{\"client\": [\"a\", \"b\"], \"therapist\": [\"c\", \"b/\"]}",
                "wearables.client and wearables.therapist name the same folder"
            },
            {"{\"client\": {\"x\": \"Jane Roe\"}}", "wearables.client must be a folder name inside the session folder"},
        };
        for (String[] c : cases) {
            InvalidManifestException e = assertThrows(
                    InvalidManifestException.class,
                    () -> SessionManifestParser.parse(manifest("\"c-17\"", c[0], "[]", "")),
                    c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("Jane") || e.getMessage().contains("Roe"), e.getMessage());
        }
    }

    @Test
    void shouldReportLineAndColumnWithoutTokenWhenClientIdIsUnquoted() {
        InvalidManifestException e = assertThrows(
                InvalidManifestException.class, () -> SessionManifestParser.parse(manifest(CANARY, "{}", "[]", "")));
        assertTrue(e.getMessage().startsWith("not valid JSON at line 1, column "), e.getMessage());
        assertFalse(e.getMessage().contains("Jane"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void shouldRejectManifestWhenContentFollowsTheObject() {
        InvalidManifestException second = assertThrows(
                InvalidManifestException.class,
                () -> SessionManifestParser.parse(GOOD + "\n{\"client_id\": \"Jane Roe\"}"));
        assertTrue(
                second.getMessage().startsWith("trailing content after the JSON object at line 5"),
                second.getMessage());
        assertEquals(5, second.line());
        InvalidManifestException junk =
                assertThrows(InvalidManifestException.class, () -> SessionManifestParser.parse(GOOD + " Jane Roe"));
        assertTrue(junk.getMessage().startsWith("trailing content after the JSON object at line 4"), junk.getMessage());
        assertFalse(junk.getMessage().contains("Jane"), junk.getMessage());
    }

    @Test
    void shouldReadCommentsAndTrailingCommasAndRefuseAFieldGivenTwice() throws Exception {
        String wearables = "{\"client\": \"e4-client\",}";
        // before: "not valid JSON at line 1, column 3" for the comment, and for the trailing commas
        String edited = "// session 2, recorded in room B\n"
                + manifest("\"c-17\"", wearables, "[\"codes.jsonl\", /* ELAN later */]", ",");
        SessionManifest m = SessionManifestParser.parse(edited);
        assertEquals("e4-client", m.wearables().get(Role.CLIENT));
        assertEquals(List.of("codes.jsonl"), m.annotations());
        // before: the second therapist_id silently won
        InvalidManifestException e = assertThrows(
                InvalidManifestException.class,
                () -> SessionManifestParser.parse(
                        manifest("\"Jane Roe\"", wearables, "[]", ",\n \"client_id\": \"Jane Roe\"")));
        assertTrue(
                e.getMessage().startsWith("a field given twice (which value is meant is unknown) at line 5"),
                e.getMessage());
        assertFalse(e.getMessage().contains("Jane") || e.getMessage().contains("client_id"), e.getMessage());
        assertEquals(5, e.line());
    }

    @Test
    void shouldRefuseARoleNamedTwiceAndLeaveAFileListedTwiceToTheIngest() throws Exception {
        // a file listed twice is read once, its second listing a reject of the ingest (SessionIngestorListingTest)
        assertEquals(
                List.of("codes.jsonl", "./codes.jsonl"),
                SessionManifestParser.parse(manifest(
                                "\"c-17\"", "{\"client\": \"e4\"}", "[\"codes.jsonl\", \"./codes.jsonl\"]", ""))
                        .annotations());
        // before: "Client" replaced "client"
        InvalidManifestException e = assertThrows(
                InvalidManifestException.class,
                () -> SessionManifestParser.parse(manifest(
                        "\"c-17\"",
                        "{\"client\": \"Jane Roe\", \"Client \": \"e4-b\"}",
                        "[\"codes.jsonl\", \"other.eaf\", \"./codes.jsonl\"]",
                        "")));
        assertTrue(
                e.getMessage().contains("wearables names the client twice (keys differing only in case or spaces)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("Jane") || e.getMessage().contains("codes.jsonl"), e.getMessage());
    }

    @Test
    void shouldRejectADurationShorterThanOneSecond() throws Exception {
        String wearables = "{\"client\": \"e4-client\"}";
        for (String tiny : List.of("1e-310", "0.5")) {
            // before: accepted, and trainees/ wrote anxiety episodes per hour of 1e-310 s as Infinity
            InvalidManifestException e = assertThrows(
                    InvalidManifestException.class,
                    () -> SessionManifestParser.parse(
                            manifest("\"c-17\"", wearables, "[]", ", \"duration_s\": " + tiny)),
                    tiny);
            assertTrue(e.getMessage().contains("'duration_s' is "), e.getMessage());
            assertTrue(e.getMessage().contains(" s, shorter than 1 s"), e.getMessage());
        }
        assertEquals(
                1.0,
                SessionManifestParser.parse(manifest("\"c-17\"", wearables, "[]", ", \"duration_s\": 1"))
                        .durationS()
                        .doubleValue());
    }

    @Test
    void shouldReadANumberWrittenAsAString() throws Exception {
        String wearables = "{\"client\": \"e4-client\"}";
        // before: "'duration_s' must be a positive number of seconds, got a string": the session lost
        SessionManifest m =
                SessionManifestParser.parse(manifest("\"c-17\"", wearables, "[]", ", \"duration_s\": \"1560.5\"")
                        .replace("\"session_number\": 2", "\"session_number\": \" 3 \""));
        assertEquals(1560.5, m.durationS().doubleValue());
        assertEquals(3, m.sessionNumber());
        for (String bad : List.of("\"1e3\"", "\"1560 s\"", "\"-5\"", "\"\"")) {
            InvalidManifestException e = assertThrows(
                    InvalidManifestException.class,
                    () -> SessionManifestParser.parse(
                            manifest("\"c-17\"", wearables, "[]", ", \"duration_s\": " + bad)),
                    bad);
            assertTrue(
                    e.getMessage().contains("'duration_s' must be a positive number of seconds, got a string"),
                    e.getMessage());
        }
    }

    @Test
    void shouldTakeAnIdentifierWrittenAsAWholeNumberAndNeverQuoteOneOfAnotherType() throws Exception {
        String wearables = "{\"client\": \"e4-client\"}";
        // before: "'client_id' must be a non-empty string, got 4711": the record number in rejects/
        SessionManifest m = SessionManifestParser.parse(manifest("4711", wearables, "[]", ""));
        assertEquals("4711", m.clientId());
        // the audit's K3: 20 digits, past a long ("must be a non-empty string, got a number" before)
        String digits = "12345678901234567890";
        SessionManifest big = SessionManifestParser.parse(manifest(digits, wearables, "[]", "")
                .replace("\"s1\"", "9" + digits)
                .replace("\"t1\"", "0"));
        assertEquals(digits, big.clientId());
        assertEquals("9" + digits, big.sessionId());
        assertEquals("0", big.therapistId());
        assertEquals(
                "123456789012345678901234567890123456789",
                SessionManifestParser.parse(manifest("123456789012345678901234567890123456789", wearables, "[]", ""))
                        .clientId());
        for (String[] c : new String[][] {
            {"47.11", "got a number"},
            {"-4711", "got a number"},
            {"-47110000000000000000", "got a number"},
            {"4.711e3", "got a number"},
            {"true", "got a boolean"},
            {"[4711]", "got an array"},
            {"{\"id\": 4711}", "got an object"},
            {"\"  \"", "got a blank string"}
        }) {
            InvalidManifestException e = assertThrows(
                    InvalidManifestException.class,
                    () -> SessionManifestParser.parse(manifest(c[0], wearables, "[]", "")),
                    c[0]);
            assertTrue(e.getMessage().contains("'client_id' must be a non-empty string, " + c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("4711") || e.getMessage().contains("47.11"), e.getMessage());
        }
    }

    @Test
    void shouldReportEveryProblemWithoutQuotingValuesWhenFieldsAreWrong() {
        String json = "{\"session_id\": \"s1\", \"therapist_id\": \"t1\", \"client_id\": \"Jane Roe\","
                + " \"session_number\": \"Jane Roe\", \"media_start\": \"Jane Roe\","
                + " \"wearables\": {\"Jane Roe\": \"x\", \"therapist\": \"../Jane Roe\"},"
                + " \"annotations\": [\"ok.eaf\", \"/home/Jane Roe.eaf\", \"a/../../Jane Roe.eaf\", \"C:\\\\Jane Roe.eaf\","
                + " \"\", \"Jane\\u0000Roe\", 3],"
                + " \"consent\": {\"supervision\": true, \"research\": false},"
                + " \"duration_s\": \"Jane Roe\", \"codebook\": \"..\\\\Jane Roe.json\"}";
        InvalidManifestException e =
                assertThrows(InvalidManifestException.class, () -> SessionManifestParser.parse(json));
        String m = e.getMessage();
        assertFalse(m.contains("Jane") || m.contains("Roe"), m);
        for (String expected : List.of(
                "'session_number' must be an integer >= 1, got a string",
                "media_start is not an ISO-8601 instant with offset (e.g. 2026-03-02T10:00:00+01:00)",
                "wearables has an unknown role (expected client or therapist)",
                "wearables.therapist must be a folder name inside the session folder (no '..', no absolute path)",
                "annotations[1] must be a file name inside the session folder (no '..', no absolute path)",
                "annotations[2] must be",
                "annotations[3] must be",
                "annotations[4] must be",
                "annotations[5] must be",
                "annotations[6] must be",
                "'duration_s' must be a positive number of seconds, got a string",
                "codebook must be a file name inside the session folder (no '..', no absolute path)")) {
            assertTrue(m.contains(expected), expected + " in " + m);
        }
        assertFalse(m.contains("annotations[0]"), m);
    }

    @Test
    void shouldAcceptRelativePathsWhenTheyStayInsideTheFolder() {
        assertTrue(ManifestPaths.isInsideFolder("codes.jsonl"));
        assertTrue(ManifestPaths.isInsideFolder("video/codes..v2.eaf"));
        assertTrue(ManifestPaths.isInsideFolder("./e4"));
        for (String bad :
                List.of("", " ", "/abs", "\\\\server\\share", "C:\\x", "c:x", "..", "a/..", "a\\..\\b", "a\u0000b")) {
            assertFalse(ManifestPaths.isInsideFolder(bad), bad);
        }
    }

    @Test
    void shouldReadMediaStartWhenWrittenInOtherIsoForms() throws Exception {
        java.time.Instant expected = java.time.Instant.parse("2026-03-02T09:00:00Z");
        for (String form : List.of(
                "2026-03-02T10:00:00+01:00",
                "2026-03-02T10:00:00+0100",
                "2026-03-02 10:00:00+01:00",
                "2026-03-02 10:00:00+0100",
                "2026-03-02T09:00:00Z",
                "2026-03-02t09:00:00z",
                "2026-03-02T10:00:00.000+01:00",
                "2026-03-02T10:00:00,000000000+01:00", // date --iso-8601=ns: ISO 8601's comma
                "2026-03-02T04:00:00-0500")) {
            SessionManifest m = SessionManifestParser.parse(GOOD.replace("2026-03-02T10:00:00+01:00", form));
            assertEquals(expected, m.mediaStart().toInstant(), form);
        }
        // before: a comma before the fraction rejected the whole session
        assertEquals(
                java.time.Instant.parse("2026-03-02T09:00:00.750Z"),
                SessionManifestParser.parse(GOOD.replace("2026-03-02T10:00:00+01:00", "2026-03-02T10:00:00,750+01:00"))
                        .mediaStart()
                        .toInstant());
        for (String form : List.of(
                "2026-03-02T10:00:00",
                "2026-03-02 10:00:00",
                "2026-03-0210:00:00+01:00",
                "2026-03-02T10:00:00+1",
                "02.03.2026 10:00:00+01:00")) {
            InvalidManifestException e = assertThrows(
                    InvalidManifestException.class,
                    () -> SessionManifestParser.parse(GOOD.replace("2026-03-02T10:00:00+01:00", form)),
                    form);
            assertTrue(e.getMessage().contains("media_start is not an ISO-8601 instant with offset"), e.getMessage());
        }
    }

    @Test
    void shouldRejectAMediaStartInAnAbsurdYearNamingTheField() throws Exception {
        // before: +99999 was read, and then every wearable file was rejected as over 24 h from it
        for (String[] c : new String[][] {
            {"+99999-03-02T10:00:00+01:00", "99999"},
            {"1970-01-01T00:00:00Z", "1970"},
            {"1989-12-31T23:59:59Z", "1989"},
            {"2100-01-01T00:00:00Z", "2100"},
            {"0026-03-02T10:00:00+01:00", "26"}
        }) {
            InvalidManifestException e = assertThrows(
                    InvalidManifestException.class,
                    () -> SessionManifestParser.parse(GOOD.replace("2026-03-02T10:00:00+01:00", c[0])),
                    c[0]);
            assertEquals(
                    "media_start is in the year " + c[1]
                            + ", no plausible date of a recorded session (1990 to 2099 expected): a mistyped year?",
                    e.getMessage());
        }
        for (String edge : List.of("1990-01-01T00:00:00Z", "2099-12-31T23:59:59Z")) {
            assertEquals(
                    java.time.Instant.parse(edge),
                    SessionManifestParser.parse(GOOD.replace("2026-03-02T10:00:00+01:00", edge))
                            .mediaStart()
                            .toInstant());
        }
    }

    @Test
    void shouldReadAWholeSessionNumberWrittenWithADecimalPointAndRejectAFraction() throws Exception {
        // seventh audit: pandas and R write an integer column that held a missing value as 3.0
        String json = "{\"session_id\": \"s1\", \"therapist_id\": \"T01\", \"client_id\": \"C1\","
                + " \"session_number\": %s, \"media_start\": \"2026-03-02T10:00:00+01:00\","
                + " \"wearables\": {}, \"annotations\": [], \"consent\": {\"supervision\": true, \"research\": false}}";
        assertEquals(3, SessionManifestParser.parse(String.format(json, "3.0")).sessionNumber());
        assertEquals(
                3, SessionManifestParser.parse(String.format(json, "\"3.0\"")).sessionNumber());
        for (String bad : List.of("3.5", "0.0", "1e10")) {
            InvalidManifestException e = assertThrows(
                    InvalidManifestException.class, () -> SessionManifestParser.parse(String.format(json, bad)));
            assertTrue(
                    e.getMessage().contains("'session_number' must be an integer >= 1"), bad + ": " + e.getMessage());
        }
    }

    @Test
    void shouldNameEveryFieldToFixBeforeTheDetailsSoACutReasonKeepsThem() {
        // twenty-first audit: four invalid fields made a reason of 300+ characters, cut at 240 in the
        // reject row, and the fourth problem ('duration_s') was lost
        String bad = "{\"session_id\": \"s1\", \"therapist_id\": \"t1\", \"client_id\": [\"" + CANARY + "\"],\n"
                + " \"session_number\": 0, \"media_start\": \"2. März\",\n"
                + " \"wearables\": {\"client\": \"e4-client\"}, \"annotations\": [],\n"
                + " \"consent\": {\"supervision\": true, \"research\": false}, \"duration_s\": -5}";
        InvalidManifestException e =
                assertThrows(InvalidManifestException.class, () -> SessionManifestParser.parse(bad));
        String reason = org.sessionreview.model.Reject.cutReason(e.getMessage());
        assertTrue(
                reason.startsWith("4 problems (client_id, duration_s, media_start, session_number): "
                        + "'client_id' must be a non-empty string, got an array; "),
                reason);
        assertTrue(
                e.getMessage().endsWith("'duration_s' must be a positive number of seconds, got -5"), e.getMessage());
        assertFalse(e.getMessage().contains(CANARY), e.getMessage());
        // one problem: its text alone, as before
        InvalidManifestException one = assertThrows(
                InvalidManifestException.class,
                () -> SessionManifestParser.parse(GOOD.replace("\"session_number\": 2", "\"session_number\": 0")));
        assertEquals("'session_number' must be an integer >= 1, got 0", one.getMessage());
        // a field named twice (both consent keys) and an indexed one are each listed once, as written
        assertEquals(
                "3 problems (annotations[0], consent.research, consent.supervision): annotations[0] x; "
                        + "'consent.supervision' must be true or false; 'consent.research' must be true or false",
                SessionManifestParser.fieldsFirst(List.of(
                        "annotations[0] x",
                        "'consent.supervision' must be true or false",
                        "'consent.research' must be true or false")));
    }
}
