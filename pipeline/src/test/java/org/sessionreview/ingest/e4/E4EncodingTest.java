package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.model.Channel;

/**
 * A channel file re-saved as UTF-16 ("Unicode text") reads as the UTF-8 export it came from; one
 * re-saved by a spreadsheet with semicolons and decimal commas reads as the export it came from
 * ({@link SpreadsheetLocale}).
 */
class E4EncodingTest {
    private static final Path EDA = Path.of("..", "..", "shared", "data", "e4", "stress-predict-S04", "EDA.csv");

    @TempDir
    Path tmp;

    @Test
    void shouldReadAFileReSavedByASpreadsheetInACommaDecimalLocale() throws IOException {
        // before: each was rejected whole, with a hint at the spreadsheet locale
        Path eda = tmp.resolve("EDA.csv");
        Files.writeString(eda, "1773925148,000000\n4,000000\n0,630000\n0,640000\n");
        E4CsvParser.Result r = E4Reader.readFile(Channel.EDA, eda, "s", "EDA.csv");
        assertEquals(0, r.report().recordsRejected(), r.report().toString());
        assertArrayEquals(new double[] {0.63, 0.64}, r.data().values());
        assertEquals(1773925148000L, r.data().startMillis());

        Files.writeString(eda, "1773925148\n4\n0,63\n1\n"); // start and rate saved as whole numbers
        assertArrayEquals(
                new double[] {0.63, 1},
                E4Reader.readFile(Channel.EDA, eda, "s", "EDA.csv").data().values());

        Path acc = tmp.resolve("ACC.csv");
        Files.writeString(acc, "1773925148;1773925148;1773925148\n32;32;32\n2;14;-63\n3;15;-62\n");
        E4CsvParser.Result a = E4Reader.readFile(Channel.ACC, acc, "s", "ACC.csv");
        assertEquals(0, a.report().recordsRejected(), a.report().toString());
        assertArrayEquals(new double[] {2, 14, -63, 3, 15, -62}, a.data().values());

        Path ibi = tmp.resolve("IBI.csv");
        Files.writeString(ibi, "1773925148,000000; IBI\n18,187500;0,828125\n19,000000;0,812500\n");
        E4CsvParser.Result b = E4Reader.readFile(Channel.IBI, ibi, "s", "IBI.csv");
        assertEquals(0, b.report().recordsRejected(), b.report().toString());
        assertArrayEquals(new double[] {18.1875, 19.0}, b.data().offsetsS());
    }

    @Test
    void shouldReadAFileSavedWithTabsBetweenItsColumns() throws IOException {
        // twelfth audit: a spreadsheet's "Text (tab delimited)" or pandas' to_csv(sep='\t') of ACC
        // and IBI was rejected whole at its header ("non-numeric value in column 1")
        Path acc = tmp.resolve("ACC.csv");
        Files.writeString(
                acc, "1773925148.000000\t1773925148.000000\t1773925148.000000\n32\t32\t32\n2\t14\t-63\n3\t15\t-62\n");
        E4CsvParser.Result a = E4Reader.readFile(Channel.ACC, acc, "s", "ACC.csv");
        assertEquals(0, a.report().recordsRejected(), a.report().toString());
        assertArrayEquals(new double[] {2, 14, -63, 3, 15, -62}, a.data().values());
        assertEquals(1773925148000L, a.data().startMillis());

        Path ibi = tmp.resolve("IBI.csv");
        Files.writeString(ibi, "1773925148.000000\tIBI\n18.187500\t0.828125\n19.000000\t0.812500\n");
        E4CsvParser.Result b = E4Reader.readFile(Channel.IBI, ibi, "s", "IBI.csv");
        assertEquals(0, b.report().recordsRejected(), b.report().toString());
        assertArrayEquals(new double[] {18.1875, 19.0}, b.data().offsetsS());

        // the same in a comma-decimal locale: tabs between columns, decimal commas
        Files.writeString(
                acc,
                "1773925148,000000\t1773925148,000000\t1773925148,000000\n32,000000\t32,000000\t32,000000\n2\t14\t-63\n");
        E4CsvParser.Result c = E4Reader.readFile(Channel.ACC, acc, "s", "ACC.csv");
        assertEquals(0, c.report().recordsRejected(), c.report().toString());
        assertArrayEquals(new double[] {2, 14, -63}, c.data().values());

        // review of 2026-12-07: a spreadsheet shows the start as a whole number, so the header
        // has no comma; the samples' decimal commas tell the locale
        Files.writeString(ibi, "1773925148\tIBI\n18,1875\t0,828125\n19,0\t0,8125\n");
        E4CsvParser.Result g = E4Reader.readFile(Channel.IBI, ibi, "s", "IBI.csv");
        assertEquals(0, g.report().recordsRejected(), g.report().toString());
        assertArrayEquals(new double[] {18.1875, 19.0}, g.data().offsetsS());
        assertArrayEquals(new double[] {0.828125, 0.8125}, g.data().values());
        // decimal points beside a thousands separator: read with points, that row a reject
        Files.writeString(ibi, "1773925148\tIBI\n18.1875\t0.828125\n1,018.5\t0.8125\n1019.25\t0.75\n");
        E4CsvParser.Result h = E4Reader.readFile(Channel.IBI, ibi, "s", "IBI.csv");
        assertEquals(1, h.report().recordsRejected(), h.report().toString());
        assertArrayEquals(new double[] {18.1875, 1019.25}, h.data().offsetsS());

        // a comma and a tab between columns: read as the commas say, as before
        Files.writeString(
                acc, "1773925148.000000,\t1773925148.000000,\t1773925148.000000\n32,\t32,\t32\n2,\t14,\t-63\n");
        E4CsvParser.Result e = E4Reader.readFile(Channel.ACC, acc, "s", "ACC.csv");
        assertEquals(0, e.report().recordsRejected(), e.report().toString());
        assertArrayEquals(new double[] {2, 14, -63}, e.data().values());

        // a row with a comma in a tab-delimited file written with decimal points is that row's reject
        Files.writeString(
                ibi, "1773925148.000000\tIBI\n18.187500\t0.828125\n19,000000\t0,812500\n20.000000\t0.812500\n");
        E4CsvParser.Result d = E4Reader.readFile(Channel.IBI, ibi, "s", "IBI.csv");
        assertEquals(1, d.report().recordsRejected(), d.report().toString());
        assertEquals(3, d.report().rejects().get(0).line);
        assertArrayEquals(new double[] {18.1875, 20.0}, d.data().offsetsS());
    }

    @Test
    void shouldRejectOneRowWithADecimalCommaInAFileWrittenWithDecimalPoints() throws IOException {
        Path eda = tmp.resolve("EDA.csv");
        Files.writeString(eda, "1773925148.000000\n4.000000\n0.630000\n0,640000\n0.650000\n");
        E4CsvParser.Result r = E4Reader.readFile(Channel.EDA, eda, "s", "EDA.csv");
        assertEquals(1, r.report().recordsRejected(), r.report().toString());
        assertEquals(4, r.report().rejects().get(0).line);
        assertArrayEquals(new double[] {0.63, Double.NaN, 0.65}, r.data().values(), "the others keep their times");
    }

    @Test
    void shouldStillHintAtASpreadsheetWhenTheHeaderIsUnreadable() throws IOException {
        Path eda = tmp.resolve("EDA.csv");
        Files.writeString(eda, "1773925148,000000,5\n4\n0.63\n");
        String reason = E4Reader.readFile(Channel.EDA, eda, "s", "EDA.csv")
                .report()
                .rejects()
                .get(0)
                .reason;
        assertTrue(reason.endsWith(E4Row.LOCALE_HINT), reason);
        assertTrue(reason.length() <= org.sessionreview.model.Reject.REASON_MAX_CHARS);

        Files.writeString(eda, "start\n4\n0.63\n");
        String plain = E4Reader.readFile(Channel.EDA, eda, "s", "EDA.csv")
                .report()
                .rejects()
                .get(0)
                .reason;
        assertFalse(plain.contains("decimal commas"), plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-8"})
    void shouldReadTheSameSamplesWhateverTheByteOrderMark(String charset) throws IOException {
        String text = Files.readString(EDA);
        Path file = tmp.resolve("EDA.csv");
        byte[] bom = charset.equals("UTF-16LE")
                ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                : charset.equals("UTF-16BE")
                        ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                        : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = text.getBytes(Charset.forName(charset));
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(file, all);

        E4CsvParser.Result plain = E4Reader.readFile(Channel.EDA, EDA, "s", "EDA.csv");
        E4CsvParser.Result other = E4Reader.readFile(Channel.EDA, file, "s", "EDA.csv");
        assertNotNull(other.data(), other.report().toString());
        assertEquals(plain.data().startMillis(), other.data().startMillis());
        assertArrayEquals(plain.data().values(), other.data().values());
        assertEquals(plain.report().recordsRead(), other.report().recordsRead());
        assertEquals(
                0, other.report().recordsRejected(), other.report().rejects().toString());
        assertEquals(all.length, other.report().identity().sizeBytes(), "the identity is of the stored bytes");
    }
}
