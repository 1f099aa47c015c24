package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.model.Channel;

/** Files converted into other units are rejected as a whole, with the likely unit named. */
class E4UnitsTest {
    private static final Path REAL = Path.of("..", "..", "shared", "data", "e4", "stress-predict-S04");

    @TempDir
    static Path tmp;

    /** Reads a channel file of {@code rows} (one line each, already formatted), E4 header for {@code rate}. */
    private static E4CsvParser.Result parse(Channel channel, double rate, int width, String... rows) {
        StringBuilder text = new StringBuilder();
        text.append(String.join(", ", java.util.Collections.nCopies(width, "1600000000.000000")))
                .append('\n');
        text.append(String.join(", ", java.util.Collections.nCopies(width, rate + "")))
                .append('\n');
        for (String r : rows) {
            text.append(r).append('\n');
        }
        return read(channel, text.toString());
    }

    private static E4CsvParser.Result read(Channel channel, String text) {
        try {
            Path file = Files.createTempFile(tmp, channel.name(), ".csv");
            Files.writeString(file, text);
            return E4Reader.readFile(channel, file, "s", channel.fileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] series(int n, DoubleUnaryOperator f) {
        String[] rows = new String[n];
        for (int i = 0; i < n; i++) {
            rows[i] = String.format(Locale.ROOT, "%.6f", f.applyAsDouble(i));
        }
        return rows;
    }

    private static void assertRejectedAsAWhole(E4CsvParser.Result r, long lines, String words) {
        assertNull(r.data());
        E4FileReport rep = r.report();
        assertTrue(rep.fileRejected());
        assertEquals(lines, rep.recordsRead());
        assertEquals(lines, rep.recordsRejected());
        assertEquals(0, rep.rejects().get(rep.rejects().size() - 1).line);
        String reason = rep.rejects().get(rep.rejects().size() - 1).reason;
        assertTrue(reason.contains(words), reason);
    }

    @Test
    void shouldRejectEdaInNanosiemens() {
        assertRejectedAsAWhole(parse(Channel.EDA, 4, 1, series(400, i -> 600 + i)), 400, "the median EDA is 799.5");
        assertRejectedAsAWhole(parse(Channel.EDA, 4, 1, series(400, i -> 600 + i)), 400, "nanosiemens");
        // before: "the median EDA is 9.22337e+17" (Math.round saturated)
        assertRejectedAsAWhole(
                parse(Channel.EDA, 4, 1, series(400, i -> 1e300)), 400, "the median EDA is 1.00000e+300");
        E4CsvParser.Result ok = parse(Channel.EDA, 4, 1, series(400, i -> 0.6 + i / 1000.0));
        assertNotNull(ok.data());
        assertEquals(0, ok.report().recordsRejected());
        // a recording that is mostly sane keeps its data, its few high values are artifacts
        assertNotNull(parse(Channel.EDA, 4, 1, series(400, i -> i < 150 ? 90 : 5))
                .data());
        assertNull(parse(Channel.EDA, 4, 1, series(400, i -> i < 250 ? 90 : 5)).data());
    }

    @Test
    void shouldRejectTemperatureInFahrenheitOrKelvin() {
        assertRejectedAsAWhole(
                parse(Channel.TEMP, 4, 1, series(100, i -> 91.4 + i / 100.0)), 100, "degrees Fahrenheit or kelvin");
        assertRejectedAsAWhole(parse(Channel.TEMP, 4, 1, series(100, i -> 306.2)), 100, "306.2");
        assertNotNull(parse(Channel.TEMP, 4, 1, series(100, i -> 33.1)).data());
        assertNotNull(parse(Channel.TEMP, 4, 1, series(100, i -> 22.0)).data(), "an unworn band at room temperature");
    }

    @Test
    void shouldRejectAccelerationInGOrMetresPerSecondSquared() {
        String[] g = new String[200];
        String[] ms2 = new String[200];
        String[] e4 = new String[200];
        for (int i = 0; i < g.length; i++) {
            g[i] = "0.02, -0.03, 1.0" + (i % 2);
            ms2[i] = "0.2, -0.3, 9.8" + (i % 2);
            e4[i] = "1, -2, " + (63 + i % 3);
        }
        assertRejectedAsAWhole(parse(Channel.ACC, 32, 3, g), 200, "(g or m/s^2? 1/64 g is expected");
        assertRejectedAsAWhole(parse(Channel.ACC, 32, 3, ms2), 200, "the median acceleration magnitude is 9.8");
        assertNotNull(parse(Channel.ACC, 32, 3, e4).data());
    }

    @Test
    void shouldRejectInterBeatIntervalsInMilliseconds() {
        StringBuilder text = new StringBuilder("1600000000.000000, IBI\n");
        StringBuilder seconds = new StringBuilder(text);
        double t = 0;
        for (int i = 0; i < 100; i++) {
            double ibi = 0.8 + (i % 5) / 100.0;
            t += ibi;
            text.append(String.format(Locale.ROOT, "%.6f,%.6f%n", t, ibi * 1000));
            seconds.append(String.format(Locale.ROOT, "%.6f,%.6f%n", t, ibi));
        }
        assertRejectedAsAWhole(read(Channel.IBI, text.toString()), 100, "milliseconds");
        assertNotNull(read(Channel.IBI, seconds.toString()).data());
        // the parser alone reads any unit: the check is the reader's
        assertNotNull(
                E4CsvParser.parse(Channel.IBI, new StringReader(text.toString()), "s", "IBI.csv", E4Limits.defaults())
                        .data());
    }

    @Test
    void shouldReadEveryChannelOfARealRecordingAndRejectItsRescaledCopies() throws IOException {
        E4Recording rec = E4Reader.read(REAL, "s04");
        assertEquals(0, rec.missingChannels().size(), rec.toString());
        for (Channel c : new Channel[] {Channel.EDA, Channel.TEMP, Channel.ACC, Channel.IBI}) {
            assertNull(E4Units.problem(c, rec.channel(c).orElseThrow().values()), c.name());
        }
        double[] eda = rec.channel(Channel.EDA).orElseThrow().values().clone();
        for (int i = 0; i < eda.length; i++) {
            eda[i] *= 1000;
        }
        assertNotNull(E4Units.problem(Channel.EDA, eda));
        double[] acc = rec.channel(Channel.ACC).orElseThrow().values().clone();
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= 64;
        }
        assertNotNull(E4Units.problem(Channel.ACC, acc));
        assertFalse(E4Units.problem(Channel.ACC, acc).isEmpty());
    }
}
