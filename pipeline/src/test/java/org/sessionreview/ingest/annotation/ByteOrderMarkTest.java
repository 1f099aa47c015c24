package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;

/** Every annotation format reads the same records whether or not the file starts with a UTF-8 BOM. */
class ByteOrderMarkTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Read alone, no session known: every observation of a BORIS project is read. */
    private static ParseResult<RawAnnotation> read(String fileName, byte[] content) throws IOException {
        return AnnotationReader.read(new ByteArrayInputStream(content), fileName, fileName, null);
    }

    private static byte[] withBom(byte[] content) {
        byte[] out = new byte[BOM.length + content.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(content, 0, out, BOM.length, content.length);
        return out;
    }

    private static void assertSameWithBom(String fileName, byte[] content, int expectedRecords) throws IOException {
        ParseResult<RawAnnotation> plain = read(fileName, content);
        ParseResult<RawAnnotation> bom = read(fileName, withBom(content));
        assertEquals(expectedRecords, plain.records().size(), fileName + " " + plain.rejects());
        assertEquals(
                plain.rejects().stream().map(r -> r.line + " " + r.reason).toList(),
                bom.rejects().stream().map(r -> r.line + " " + r.reason).toList(),
                fileName);
        assertEquals(plain.records(), bom.records(), fileName);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadJsonlWhenFirstLineStartsWithByteOrderMark() throws IOException {
        assertSameWithBom(
                "codes.jsonl",
                utf8("{\"start\": 1, \"code\": \"AFF_CUE\"}\n{\"start\": 2, \"code\": \"AFF_CUE\"}\n"),
                2);
        assertSameWithBom("codes.data", utf8("{\"start\": 1, \"code\": \"AFF_CUE\"}\n"), 1);
    }

    @Test
    void shouldReadDelimitedTablesWhenTheyStartWithByteOrderMark() throws IOException {
        assertSameWithBom("codes.csv", utf8("start,code\n1,AFF_CUE\n"), 1);
        assertSameWithBom("minutaggi.csv", utf8("start;end;tipo\n00:01;00:05;reflection\n"), 1);
        assertSameWithBom("export.txt", utf8("CL\tclient\t00:00:01.000\t1.0\t00:00:03.000\t3.0\tAFF_CUE\n"), 1);
        assertSameWithBom(
                "boris.tsv",
                utf8("Observation id\tObservation date\tSubject\tBehavior\tBehavior type\tTime\n"
                        + "o\td\tclient\tAFF_CUE\tPOINT\t1.0\n"),
                1);
    }

    @Test
    void shouldReadShippedFilesWhenTheyStartWithByteOrderMark() throws IOException {
        assertSameWithBom("boris_test.boris", AnnotationFixtures.shared("annotations/boris/boris_test.boris"), 91);
        assertSameWithBom(
                "pympi_fto.eaf",
                AnnotationFixtures.shared("annotations/elan/pympi_fto.eaf"),
                read("x.eaf", AnnotationFixtures.shared("annotations/elan/pympi_fto.eaf"))
                        .records()
                        .size());
        assertSameWithBom(
                "agg.tsv", AnnotationFixtures.shared("annotations/boris/boris9_aggregated_observation2.tsv"), 18);
    }
}
