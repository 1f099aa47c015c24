package org.sessionreview.ingest.annotation.elan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sessionreview.ingest.annotation.AnnotationFixtures.assertBalanced;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.annotation.AnnotationFixtures;
import org.sessionreview.ingest.annotation.AnnotationReader;
import org.sessionreview.ingest.annotation.RawAnnotation;

/**
 * ELAN "Export > Tab-delimited Text" with the time formats a user can tick, generated from the
 * real pympi_fto.eaf: SMPTE time codes next to other formats, msec only, ss.msec re-saved with a
 * decimal comma, SMPTE only. Read through {@link AnnotationReader}, so detection is covered too.
 */
class ElanTabExportVariantsTest {
    private static final double TOL = 1e-9;

    private static List<RawAnnotation> fto() {
        return new ElanParser()
                .parse(AnnotationFixtures.shared("annotations/elan/pympi_fto.eaf"), "fto.eaf", "s1")
                .records();
    }

    static String clock(long ms) {
        return String.format("%02d:%02d:%02d.%03d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
    }

    /** PAL (25 fps) SMPTE time code, as ELAN writes it. */
    static String smpte(long ms) {
        return String.format("%02d:%02d:%02d:%02d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000 / 40);
    }

    /** Tier name, participant, then for begin, end and duration each of {@code formats}, then the value. */
    @SafeVarargs
    private static String export(List<RawAnnotation> records, LongFunction<String>... formats) {
        StringBuilder sb = new StringBuilder();
        for (RawAnnotation a : records) {
            long b = Math.round(a.startS() * 1000);
            long e = Math.round(a.endS() * 1000);
            sb.append(a.actorHint()).append('\t').append(a.actorHint());
            for (long ms : new long[] {b, e, e - b}) {
                for (LongFunction<String> f : formats) {
                    sb.append('\t').append(f.apply(ms));
                }
            }
            sb.append('\t').append(a.label()).append('\n');
        }
        return sb.toString();
    }

    private static ParseResult<RawAnnotation> read(String text) throws IOException {
        return AnnotationReader.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "fto.txt", "fto.txt", "s1");
    }

    private static void assertSameAsEaf(List<RawAnnotation> eaf, ParseResult<RawAnnotation> tab) {
        assertBalanced(tab, eaf.size(), 0);
        for (int i = 0; i < eaf.size(); i++) {
            assertEquals(eaf.get(i).startS(), tab.records().get(i).startS(), TOL);
            assertEquals(eaf.get(i).endS(), tab.records().get(i).endS(), TOL);
            assertEquals(eaf.get(i).label(), tab.records().get(i).label());
            assertEquals(eaf.get(i).actorHint(), tab.records().get(i).actorHint());
        }
    }

    @Test
    void shouldSkipSmpteColumnsWhenExportAlsoHasClockTimes() throws IOException {
        List<RawAnnotation> eaf = fto();
        String text = export(eaf, ElanTabExportVariantsTest::clock, ElanTabExportVariantsTest::smpte);
        assertTrue(text.startsWith("a\ta\t00:00:00.000\t00:00:00:00\t00:00:01.629\t00:00:01:15\t"), text);
        assertSameAsEaf(eaf, read(text));
    }

    @Test
    void shouldReadMillisecondsWhenExportHasNoOtherFormat() throws IOException {
        List<RawAnnotation> eaf = fto();
        assertSameAsEaf(eaf, read(export(eaf, Long::toString)));
    }

    @Test
    void shouldReadDecimalCommaWhenSecondsWereResavedInGermanLocale() throws IOException {
        List<RawAnnotation> eaf = fto();
        String text = export(eaf, ms -> Double.toString(ms / 1000.0).replace('.', ','));
        assertTrue(text.startsWith("a\ta\t0,0\t1,629\t1,629\t"), text);
        assertSameAsEaf(eaf, read(text));
    }

    @Test
    void shouldRejectEveryRowNamingSmpteWhenExportHasOnlyTimeCodes() throws IOException {
        List<RawAnnotation> eaf = fto();
        ParseResult<RawAnnotation> r = read(export(eaf, ElanTabExportVariantsTest::smpte));
        assertBalanced(r, 0, eaf.size());
        for (int i = 0; i < eaf.size(); i++) {
            assertEquals(i + 1, r.rejects().get(i).line);
            assertEquals(
                    "field begin is an SMPTE time code (hh:mm:ss:ff) and the export does not state its frame rate:"
                            + " export hh:mm:ss.ms, ss.msec or msec times as well",
                    r.rejects().get(i).reason);
        }
    }

    /**
     * "Separate column for each tier": a header row, then one row per annotation with its value in
     * its tier's column (as ELAN writes it for independent tiers), header cells ending in a tab.
     */
    private static String perTierExport(List<RawAnnotation> records) {
        StringBuilder sb = new StringBuilder("Begin Time - hh:mm:ss.ms\tBegin Time - ss.msec\tEnd Time - hh:mm:ss.ms\t"
                + "End Time - ss.msec\tDuration - hh:mm:ss.ms\tDuration - ss.msec\ta\tb\t\n");
        for (RawAnnotation a : records) {
            long b = Math.round(a.startS() * 1000);
            long e = Math.round(a.endS() * 1000);
            for (long ms : new long[] {b, e, e - b}) {
                sb.append(clock(ms))
                        .append('\t')
                        .append(Double.toString(ms / 1000.0))
                        .append('\t');
            }
            sb.append(a.actorHint().equals("a") ? a.label() + "\t" : "\t" + a.label())
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void shouldReadOneRecordPerCellWhenExportHasSeparateColumnForEachTier() throws IOException {
        List<RawAnnotation> eaf = fto();
        ParseResult<RawAnnotation> r = read(perTierExport(eaf));
        assertSameAsEaf(eaf, r);
        for (int i = 0; i < eaf.size(); i++) {
            assertEquals(i + 2, r.records().get(i).line(), "the header is line 1");
        }
    }

    @Test
    void shouldRejectARowWithAValueBeyondTheHeadersColumns() throws IOException {
        // before: the row passed the blank check and gave no record and no reject
        String text = String.join(
                "\n",
                "Begin Time - ss.msec\tEnd Time - ss.msec\ta",
                "1.0\t2.0\t\tANX_STR_SIGH",
                "3.0\t4.0\tANX_STR_SIGH",
                "");
        ParseResult<RawAnnotation> r = read(text);
        assertBalanced(r, 1, 1);
        assertEquals(
                "a value in column 4, beyond the header's 3 columns",
                r.rejects().get(0).reason);
        assertEquals(2, r.rejects().get(0).line);
    }

    @Test
    void shouldJoinRepeatedValueWhenDependentTierSplitsItsAnnotationIntoRows() throws IOException {
        // tier a's annotation 1.0-3.0 s is subdivided by two annotations of dependent tier b
        String text = String.join(
                "\n",
                "Begin Time - ss.msec\tEnd Time - ss.msec\ta\tb",
                "1.0\t2.0\tANX_STR_SIGH\tx",
                "2.0\t3.0\tANX_STR_SIGH\ty",
                "3.0\t4.0\t\t",
                "5.0\t6.0\tANX_STR_SIGH\t",
                "");
        ParseResult<RawAnnotation> r = read(text);
        assertBalanced(r, 4, 1);
        RawAnnotation joined = r.records().get(0);
        assertEquals(1.0, joined.startS(), TOL);
        assertEquals(3.0, joined.endS(), TOL);
        assertEquals("a", joined.actorHint());
        assertEquals(2, joined.line());
        assertEquals("x", r.records().get(1).label());
        assertEquals(2.0, r.records().get(1).endS(), TOL);
        assertEquals("y", r.records().get(2).label());
        assertEquals(5.0, r.records().get(3).startS(), TOL);
        assertEquals(6.0, r.records().get(3).endS(), TOL, "not joined: 3.0-5.0 has no value between them");
        assertEquals(4, r.rejects().get(0).line);
        assertEquals("empty annotation value", r.rejects().get(0).reason);
    }
}
