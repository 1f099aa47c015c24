package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.EPS;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.rejectAt;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.AnnotationFormat;
import org.sessionreview.ingest.annotation.RawAnnotation;

class ElanTabParserTest {
    private final ElanTabParser parser = new ElanTabParser();

    /** Writes records the way ELAN's export does: names, participants, hh:mm:ss.ms and ss.msec. */
    private static String export(List<RawAnnotation> records) {
        StringBuilder sb = new StringBuilder();
        for (RawAnnotation a : records) {
            long b = Math.round(a.startS() * 1000);
            long e = Math.round(a.endS() * 1000);
            sb.append(a.actorHint()).append('\t').append(a.actorHint());
            for (long ms : new long[] {b, e, e - b}) {
                sb.append('\t')
                        .append(String.format(
                                "%02d:%02d:%02d.%03d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000))
                        .append('\t')
                        .append(Double.toString(ms / 1000.0));
            }
            sb.append('\t').append(a.label()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void shouldReadDomainExampleRowWhenNamesParticipantsAndTwoFormatsAreExported() {
        String row = "a\ta\t00:00:00.000\t0.0\t00:00:01.629\t1.629\t00:00:01.629\t1.629\ta\n";
        assertEquals(
                Optional.of(new ElanTabLayout(
                        2, List.of(ElanTabLayout.TimeFormat.CLOCK, ElanTabLayout.TimeFormat.SECONDS), 3)),
                ElanTabLayout.sniff(List.of(row.trim().split("\t"))));
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(row), "fto.txt", "s1");
        assertBalanced(r, 1, 0);
        assertEquals(0.0, r.records().get(0).startS(), EPS);
        assertEquals(1.629, r.records().get(0).endS(), EPS);
        assertEquals("a", r.records().get(0).label());
        assertEquals(Optional.of(AnnotationFormat.ELAN_TAB), AnnotationFormat.detect("fto.txt", row));
    }

    @Test
    void shouldMatchEafParserWhenExportIsMadeFromPympiFto() {
        ParseResult<RawAnnotation> eaf =
                new ElanParser().parse(AnnotationFixtures.shared("annotations/elan/pympi_fto.eaf"), "fto.eaf", "s1");
        String text = export(eaf.records());
        ParseResult<RawAnnotation> tab = parser.parse(AnnotationFixtures.utf8(text), "fto.txt", "s1");
        assertBalanced(tab, eaf.records().size(), 0);
        for (int i = 0; i < eaf.records().size(); i++) {
            RawAnnotation x = eaf.records().get(i);
            RawAnnotation y = tab.records().get(i);
            assertEquals(x.startS(), y.startS(), EPS);
            assertEquals(x.endS(), y.endS(), EPS);
            assertEquals(x.label(), y.label());
            assertEquals(x.actorHint(), y.actorHint());
            assertEquals(i + 1, y.line());
        }
    }

    @Test
    void shouldSkipMediaHeaderAndRejectBadRowsWhenCsvVariantIsUsed() {
        String csv = String.join(
                "\n",
                "\"#file:///video.mp4 -- offset: 0\"",
                "",
                "\"CL-codes\",\"therapist\",0.0,100,\"RUP_W_MINIMAL\"",
                "\"CL-codes\",\"\",2.5,2550,\"ANX_STR_SIGH\"",
                "\"CL-codes\",\"\",4.0,3000,\"AFF_CUE\"",
                "\"CL-codes\",\"\",5.0,6000,\"\"",
                "\"CL-codes\",\"\",abc,5000,\"AFF_CUE\"",
                "");
        ElanTabParser csvParser = new ElanTabParser(
                new ElanTabLayout(2, List.of(ElanTabLayout.TimeFormat.SECONDS, ElanTabLayout.TimeFormat.MILLIS), 1));
        ParseResult<RawAnnotation> r = csvParser.parse(AnnotationFixtures.utf8(csv), "codes.csv", "s1");
        // begin only (one group of ss.msec + msec): every row is a point; value follows
        assertBalanced(r, 3, 2);
        assertEquals("therapist", r.records().get(0).actorHint(), "a role-name participant is the hint");
        assertEquals("CL-codes", r.records().get(1).actorHint());
        assertNull(r.records().get(1).endS());
        assertEquals(2.5, r.records().get(1).startS(), EPS);
        assertEquals(4.0, r.records().get(2).startS(), EPS);
        assertEquals("AFF_CUE", r.records().get(2).label());
        assertEquals(5, r.records().get(2).line(), "the header line and the blank line count for line numbers");
        assertEquals("empty annotation value", rejectAt(r, 6).reason);
        assertEquals("field begin is not in the SECONDS format", rejectAt(r, 7).reason);
    }

    @Test
    void shouldRejectOnlyTheRowWhoseQuoteIsNeverClosedWhenCsvVariantIsUsed() {
        String csv = String.join(
                "\n",
                "\"CL-codes\",\"\",2.5,2550,\"ANX_STR_SIGH",
                "\"CL-codes\",\"\",4.0,4000,\"AFF_CUE\"",
                "\"CL-codes\",\"\",5.0,5000,\"AFF_CUE\"",
                "");
        ElanTabParser csvParser = new ElanTabParser(
                new ElanTabLayout(2, List.of(ElanTabLayout.TimeFormat.SECONDS, ElanTabLayout.TimeFormat.MILLIS), 1));
        ParseResult<RawAnnotation> r = csvParser.parse(AnnotationFixtures.utf8(csv), "codes.csv", "s1");
        // the quote of line 1's value "closes" at line 2's first quote, text following it
        assertBalanced(r, 2, 1);
        assertTrue(rejectAt(r, 1).reason.endsWith("reading goes on at line 2"), rejectAt(r, 1).reason);
        assertEquals(4.0, r.records().get(0).startS(), EPS);
        assertEquals(5.0, r.records().get(1).startS(), EPS);
    }

    @Test
    void shouldRejectOnlyTheRowWhenItsMillisecondsOverflow() {
        String csv = String.join(
                "\n",
                "\"CL-codes\",\"\",2500,\"ANX_STR_SIGH\"",
                "\"CL-codes\",\"\",70000000000000000000,\"AFF_CUE\"",
                "\"CL-codes\",\"\",4000,\"AFF_CUE\"",
                "");
        ElanTabParser msec = new ElanTabParser(new ElanTabLayout(2, List.of(ElanTabLayout.TimeFormat.MILLIS), 1));
        ParseResult<RawAnnotation> r = msec.parse(AnnotationFixtures.utf8(csv), "codes.csv", "s1");
        // more milliseconds than a long holds was a NumberFormatException that lost the whole file
        assertBalanced(r, 2, 1);
        assertEquals("field begin is not in the MILLIS format", rejectAt(r, 2).reason);
        assertEquals(4.0, r.records().get(1).startS(), EPS);
    }

    @Test
    void shouldRejectRowWhenDurationDisagreesWithBeginAndEnd() {
        String tab =
                "TH\t1.0\t2.0\t0.5\tINT_VALIDATION\nTH\t3.0\t2.0\t1.0\tINT_VALIDATION\nTH\t4.0\t4.05\t0.05\tAFF_CUE\n";
        ParseResult<RawAnnotation> r = parser.parse(AnnotationFixtures.utf8(tab), "x.txt", "s1");
        assertBalanced(r, 1, 2);
        assertEquals("duration 0.5 does not match end - begin 1.0", rejectAt(r, 1).reason);
        assertEquals("end 2.0 is before start 3.0", rejectAt(r, 2).reason);
        assertNull(r.records().get(0).endS(), "50 ms is a point");
        assertEquals("TH", r.records().get(0).actorHint());
    }
}
