package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.ParseResult;

/**
 * A coding saved as a spreadsheet workbook (BORIS and ELAN users often open exports in Excel and
 * save them as .xlsx or .xls) is one reject whose reason says how to save it so that it is read.
 */
class SpreadsheetAnnotationTest {

    private static ParseResult<RawAnnotation> read(byte[] content, String name) throws IOException {
        return AnnotationReader.read(new ByteArrayInputStream(content), name, "s/" + name, "s");
    }

    @Test
    void shouldAskForTabDelimitedTextWhenAnXlsxWorkbookIsListed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        ParseResult<RawAnnotation> r = read(bytes.toByteArray(), "codes.xlsx");
        assertEquals(1, r.recordsRead());
        assertEquals(0, r.records().size());
        assertEquals(0L, r.rejects().get(0).line);
        assertTrue(
                r.rejects().get(0).reason.startsWith("a zip file (an .xlsx, .ods or .docx document"),
                r.rejects().get(0).reason);
        assertTrue(r.rejects().get(0).reason.contains("save the coding as tab-delimited text or CSV"));
    }

    @Test
    void shouldNameTheOldExcelFormatWhenAnXlsFileIsListed() throws IOException {
        byte[] xls = new byte[512];
        byte[] magic = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
        System.arraycopy(magic, 0, xls, 0, magic.length);
        ParseResult<RawAnnotation> r = read(xls, "codes.xls");
        assertEquals(1, r.recordsRead());
        assertTrue(
                r.rejects().get(0).reason.startsWith("a binary Office file (Excel 97-2003 .xls"),
                r.rejects().get(0).reason);
    }

    @Test
    void shouldLeaveTextFilesToFormatDetection() {
        assertEquals(null, AnnotationReader.containerProblem("PK is not a zip".getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, AnnotationReader.containerProblem(new byte[] {(byte) 0xd0, (byte) 0xcf}));
    }
}
