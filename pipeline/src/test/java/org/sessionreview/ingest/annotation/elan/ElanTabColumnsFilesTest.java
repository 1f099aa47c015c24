package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.AnnotationFormat;
import org.sessionreview.ingest.annotation.RawAnnotation;

/**
 * ELAN's multi-file export in the "Separate column for each tier" layout (ELAN source {@code
 * Transcription2TabDelimitedText.exportTiersColumnPerTierFromFiles}): one header row, written once,
 * whose labels end with a "File Name" and a "File Path" column whatever was ticked; each file's rows
 * end with its name, its path or both, or ("file name in a row") a blank line, the bare name and
 * the bare path come before them; a blank line follows each file's rows. Before, every file's rows
 * were read into the session, and the name and path cells were read as the values of two tiers.
 */
class ElanTabColumnsFilesTest {
    private static final String HEADER = "Begin Time - hh:mm:ss.ms\tBegin Time - ss.msec\tEnd Time - hh:mm:ss.ms"
            + "\tEnd Time - ss.msec\tClient\tTherapist\tFile Name\tFile Path\n";

    /** The rows of two files (another session's first), each row ending with {@code tail} of its file. */
    private static String rows(String otherTail, String ownTail) {
        return "00:03:12.500\t192.5\t00:03:37.500\t217.5\tRUP_W_DENIAL\t" + otherTail + "\n"
                + "00:05:02.500\t302.5\t00:05:03.000\t303.0\tAFF_CUE\t" + otherTail + "\n\n"
                + "00:03:10.000\t190.0\t00:03:35.000\t215.0\tRUP_W_DENIAL\t" + ownTail + "\n"
                + "00:03:50.000\t230.0\t00:04:00.000\t240.0\t\tRES_INVITE_DISCUSS_RELATIONSHIP" + ownTail + "\n\n";
    }

    private static ParseResult<RawAnnotation> parse(String text, String sessionId) {
        assertEquals(Optional.of(AnnotationFormat.ELAN_TAB), AnnotationFormat.detect("corpus.txt", text));
        return new ElanTabParser().parse(AnnotationFixtures.utf8(text), "corpus.txt", sessionId);
    }

    private static void assertOwnFileOnly(ParseResult<RawAnnotation> r, long otherFirstLine) {
        assertBalanced(r, 2, 1);
        assertEquals("RUP_W_DENIAL", r.records().get(0).label());
        assertEquals(190.0, r.records().get(0).startS(), EPS);
        assertEquals(215.0, r.records().get(0).endS(), EPS);
        assertEquals("Client", r.records().get(0).actorHint());
        assertEquals("RES_INVITE_DISCUSS_RELATIONSHIP", r.records().get(1).label());
        assertEquals(240.0, r.records().get(1).endS(), EPS);
        assertEquals("Therapist", r.records().get(1).actorHint());
        String reason = AnnotationFixtures.rejectAt(r, otherFirstLine).reason;
        assertTrue(reason.startsWith("file 1 of 2 of a multi-file ELAN export (2 rows) not read"), reason);
        assertFalse(reason.contains("p02"), "file names are never written: " + reason);
    }

    @Test
    void shouldReadOnlyTheSessionsFileWhenEachRowEndsWithItsFileNameAndPath() {
        String text = HEADER
                + rows(
                        "\tp02_session_1.eaf\tC:\\corpus\\p02_session_1.eaf",
                        "\tp01_session_3.eaf\tC:\\corpus\\p01_session_3.eaf");
        assertOwnFileOnly(parse(text, "P01 Session-3"), 2);
        // no file named after the session: none is read, one reject per file
        assertBalanced(parse(text, "p03"), 0, 2);
    }

    @Test
    void shouldReadOnlyTheSessionsFileWhenEachRowEndsWithItsFileNameOrItsPath() {
        assertOwnFileOnly(parse(HEADER + rows("\tp02_session_1.eaf", "\tp01_session_3.eaf"), "p01_session_3"), 2);
        String paths =
                HEADER + rows("\t/home/coder/corpus/p02_session_1.eaf", "\t/home/coder/corpus/p01_session_3.eaf");
        assertOwnFileOnly(parse(paths, "p01_session_3"), 2);
    }

    @Test
    void shouldReadOnlyTheSessionsFileWhenTheFileNameIsInARow() {
        String other = "\np02_session_1.eaf\nC:\\corpus\\p02_session_1.eaf\n";
        String own = "\np01_session_3.eaf\nC:\\corpus\\p01_session_3.eaf\n";
        String[] parts = rows("", "").split("\n\n", -1);
        String text = HEADER + other + parts[0] + "\n\n" + own + parts[1] + "\n\n";
        assertOwnFileOnly(parse(text, "p01_session_3"), 5);
    }

    @Test
    void shouldReadAOneFileExportWhateverItsNameWithoutReadingTheFileColumnsAsTiers() {
        String text = HEADER
                + "00:03:10.000\t190.0\t00:03:35.000\t215.0\tRUP_W_DENIAL\t\tsitzung 7.eaf\tD:\\sitzung 7.eaf\n"
                + "00:03:50.000\t230.0\t00:04:00.000\t240.0\t\tRES_INVITE_DISCUSS_RELATIONSHIP\tsitzung 7.eaf"
                + "\tD:\\sitzung 7.eaf\n\n";
        ParseResult<RawAnnotation> r = parse(text, "p01_session_3");
        assertBalanced(r, 2, 0);
        assertEquals("Therapist", r.records().get(1).actorHint());
    }
}
