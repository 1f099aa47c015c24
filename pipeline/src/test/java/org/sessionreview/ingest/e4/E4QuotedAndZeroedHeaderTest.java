package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.model.Channel;

/**
 * E4 files as the seventh audit left them: every value quoted by the tool that re-saved the file
 * ({@link SpreadsheetLocale}), and zeroed disk blocks over a header row or among IBI.csv's beats
 * ({@link ZeroedBlock}), named as what they are.
 */
class E4QuotedAndZeroedHeaderTest {
    private static final String START = "1773925148.000000";

    @TempDir
    Path tmp;

    private E4CsvParser.Result read(Channel channel, String text) throws IOException {
        Path f = tmp.resolve(channel.name() + ".csv");
        Files.writeString(f, text);
        return E4Reader.readFile(channel, f, "s", f.getFileName().toString());
    }

    @Test
    void shouldReadAFileWhoseEveryValueIsQuoted() throws IOException {
        // before: rejected whole at its header ("non-numeric value in column 1")
        E4CsvParser.Result eda =
                read(Channel.EDA, "\"" + START + "\"\n\"4.000000\"\n\"0.630000\"\n\"0.640000\"\n\"0.650000\"\n");
        assertEquals(0, eda.report().recordsRejected(), eda.report().toString());
        assertEquals(3, eda.report().recordsRead());
        assertArrayEquals(new double[] {0.63, 0.64, 0.65}, eda.data().values());
        assertEquals(1773925148000L, eda.data().startMillis());

        String q = "\"" + START + "\",\"" + START + "\",\"" + START + "\"\n\"32\",\"32\",\"32\"\n";
        E4CsvParser.Result acc = read(Channel.ACC, q + "\"2\",\"14\",\"-63\"\n\"3\",\"15\",\"-62\"\n");
        assertEquals(0, acc.report().recordsRejected(), acc.report().toString());
        assertArrayEquals(new double[] {2, 14, -63, 3, 15, -62}, acc.data().values());

        E4CsvParser.Result ibi = read(
                Channel.IBI, "\"" + START + "\",\" IBI\"\n\"18.187500\",\"0.828125\"\n\"19.000000\",\"0.812500\"\n");
        assertEquals(0, ibi.report().recordsRejected(), ibi.report().toString());
        assertArrayEquals(new double[] {18.1875, 19.0}, ibi.data().offsetsS());

        // quoted because the decimal commas would collide with the separators (review of 2026-12-07)
        E4CsvParser.Result ibiDe = read(Channel.IBI, "\"1773925148,000000\",\"IBI\"\n\"18,187500\",\"0,828125\"\n");
        assertEquals(0, ibiDe.report().recordsRejected(), ibiDe.report().toString());
        assertArrayEquals(new double[] {0.828125}, ibiDe.data().values());
        E4CsvParser.Result accDe = read(Channel.ACC, q + "\"2,0\",\"14,0\",\"-63,0\"\n");
        assertEquals(0, accDe.report().recordsRejected(), accDe.report().toString());
        assertArrayEquals(new double[] {2, 14, -63}, accDe.data().values());

        // quoted and re-saved in a comma-decimal locale at once
        E4CsvParser.Result de = read(Channel.EDA, "\"1773925148,000000\"\n\"4,000000\"\n\"0,630000\"\n");
        assertEquals(0, de.report().recordsRejected(), de.report().toString());
        assertArrayEquals(new double[] {0.63}, de.data().values());
    }

    @Test
    void shouldStillRejectADamagedRowOfAQuotedFileAtItsLine() throws IOException {
        E4CsvParser.Result r = read(Channel.EDA, "\"" + START + "\"\n\"4\"\n\"0.63\"\n\"x\"\n\"0.65\"\n");
        assertEquals(3, r.report().recordsRead());
        assertEquals(1, r.report().recordsRejected());
        assertEquals(4, r.report().rejects().get(0).line);
        assertEquals("non-numeric value in column 1", r.report().rejects().get(0).reason);
        assertArrayEquals(new double[] {0.63, Double.NaN, 0.65}, r.data().values());
    }

    @Test
    void shouldNotTakeAFileWithOneQuotedCellLaterForAQuotedFile() throws IOException {
        // a quote only inside the data is damage to that row, as a decimal comma is
        E4CsvParser.Result r = read(Channel.EDA, START + "\n4.000000\n0.630000\n\"0.640000\"\n0.650000\n");
        assertEquals(1, r.report().recordsRejected(), r.report().toString());
        assertEquals(4, r.report().rejects().get(0).line);
    }

    @Test
    void shouldNameAZeroedBlockOverTheHeaderRows() {
        for (int length : new int[] {512, 8192}) {
            String text = "\0".repeat(length) + "\n4.000000\n0.630000\n0.640000\n";
            E4CsvParser.Result r =
                    E4CsvParser.parse(Channel.EDA, new StringReader(text), "s", "EDA.csv", E4Limits.defaults());
            assertNull(r.data());
            String reason = r.report().rejects().get(0).reason;
            assertEquals(1, r.report().rejects().get(0).line);
            assertTrue(
                    reason.startsWith("invalid header row 1 (start time, unix seconds): a run of " + length
                            + " characters, mostly NUL bytes (a zeroed disk block)"),
                    reason);
            assertTrue(reason.endsWith("the start time is lost, so no sample can be placed in time"), reason);
            assertEquals(r.report().recordsRead(), r.report().recordsRejected());
        }
        String rate = START + "\n" + "\0".repeat(600) + "\n0.630000\n";
        String reason = E4CsvParser.parse(Channel.EDA, new StringReader(rate), "s", "EDA.csv", E4Limits.defaults())
                .report()
                .rejects()
                .get(0)
                .reason;
        assertTrue(
                reason.startsWith("invalid header row 2 (sample rate, Hz): a run of 600 characters, mostly NUL"),
                reason);
        assertTrue(reason.contains("the sample rate is lost"), reason);

        String ibi = "\0".repeat(700) + "\n18.187500,0.828125\n";
        reason = E4CsvParser.parse(Channel.IBI, new StringReader(ibi), "s", "IBI.csv", E4Limits.defaults())
                .report()
                .rejects()
                .get(0)
                .reason;
        assertTrue(reason.startsWith("invalid header row 1: a run of 700 characters, mostly NUL bytes"), reason);
    }

    @Test
    void shouldNameAZeroedBlockAmongTheBeatsAndKeepTheOtherBeatsAtTheirOffsets() {
        StringBuilder file = new StringBuilder(START + ", IBI\n");
        double t = 10;
        for (int i = 0; i < 1000; i++) {
            t += 0.8;
            file.append(String.format(Locale.ROOT, "%.6f,%.6f%n", t, 0.8));
        }
        String clean = file.toString().replace(System.lineSeparator(), "\n");
        int from = clean.indexOf('\n', clean.length() / 2) + 1;
        for (int length : new int[] {1024, 6000}) {
            String damaged = clean.substring(0, from) + "\0".repeat(length) + clean.substring(from + length);
            E4CsvParser.Result r =
                    E4CsvParser.parse(Channel.IBI, new StringReader(damaged), "s", "IBI.csv", E4Limits.defaults());
            assertEquals(1, r.report().recordsRejected(), r.report().toString());
            String reason = r.report().rejects().get(0).reason;
            assertTrue(reason.startsWith("a run of "), reason);
            assertTrue(reason.contains("mostly NUL bytes (a zeroed disk block)"), reason);
            assertTrue(reason.contains("beats"), reason);
            double[] offsets = r.data().offsetsS();
            // every beat left keeps its own offset: the last one is still the last one written
            assertEquals(t, offsets[offsets.length - 1], 1e-9);
            int lost = 1000 - offsets.length;
            assertTrue(lost >= length / 20 && lost <= length / 20 + 2, "beats lost " + lost);
        }
    }

    @Test
    void shouldSayAZeroedBlockNearTheStartCannotBeSized() {
        String text = START + "\n4.000000\n0.630000\n" + "\0".repeat(900) + "\n0.640000\n0.650000\n";
        E4CsvParser.Result r =
                E4CsvParser.parse(Channel.EDA, new StringReader(text), "s", "EDA.csv", E4Limits.defaults());
        assertEquals(1, r.report().recordsRejected());
        String reason = r.report().rejects().get(0).reason;
        assertTrue(
                reason.startsWith("a run of 900 characters, mostly NUL bytes (a zeroed disk block), within the"),
                reason);
        assertTrue(reason.contains("may be placed early"), reason);
        assertArrayEquals(new double[] {0.63, Double.NaN, 0.64, 0.65}, r.data().values());
    }
}
