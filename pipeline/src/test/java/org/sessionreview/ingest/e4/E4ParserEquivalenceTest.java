package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/**
 * The in-place parser ({@link E4CsvParser}) gives what the String-per-line parser it replaced
 * ({@link ReferenceE4CsvParser}) gave, on generated files of every shape: clean, with every kind
 * of bad line, LF, CRLF, CR and mixed line ends, a byte-order mark, lines over the length limit
 * (some across the read buffer), blank lines and runs inside and at the end, trailing commas,
 * bad and missing headers, the duration cap, readers that return a few characters at a time and
 * readers that fail part way: the same channel (values bit for bit, NaN at the same places) and
 * the same report and rejects (line, reason, raw).
 */
class E4ParserEquivalenceTest {
    private static final long START_S = 1_767_607_200L;
    private static final String[] ENDS = {"\n", "\r\n", "\r"};

    @Test
    void shouldParseAsTheStringParserDidWhenGivenRandomFilesOfEveryShape() throws IOException {
        Random random = new Random(20260105L);
        int withData = 0;
        int wholeFile = 0;
        Set<String> reasons = new TreeSet<>();
        for (int file = 0; file < 2000; file++) {
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            String text = file(channel, random);
            E4Limits limits = random.nextInt(4) == 0
                    ? E4Limits.defaults().withMaxDurationHours(0.002) // 7.2 s: the cap is reached
                    : E4Limits.defaults();
            int chunk = random.nextInt(3) == 0 ? 1 + random.nextInt(40) : Integer.MAX_VALUE;
            int failAt = random.nextInt(8) == 0 ? random.nextInt(text.length() + 1) : -1;
            boolean gzip = random.nextBoolean();
            E4CsvParser.Result got = E4CsvParser.parse(
                    channel, reader(text, chunk, failAt, random.nextLong()), "s", "f.csv", limits, gzip);
            ReferenceE4CsvParser.Result want =
                    ReferenceE4CsvParser.parse(channel, reader(text, chunk, failAt, 0), "s", "f.csv", limits, gzip);
            assertSame(want, got, channel + " file " + file + ": " + shown(text));
            if (got.data() != null) {
                withData++;
            } else {
                wholeFile++;
            }
            addReasons(got, reasons);
        }
        compareEdgeFiles(reasons);
        assertTrue(withData > 500 && wholeFile > 150, withData + " with data, " + wholeFile + " without");
        // every reason the parser gives came up (the header reasons in each wording)
        for (String reason : List.of(
                "empty line",
                "expected # columns, got #",
                "non-numeric value in column #",
                "non-finite value in column #",
                "line longer than # characters (not read)",
                "zero IBI # s",
                "negative IBI # s",
                "negative beat offset # s",
                "beat offset # s is past the # h limit",
                "beat at # s is not after the previous beat at # s",
                "beat at # s is not before the next beat at # s (out of order: the beats before and after it are in order)",
                "recording longer than # h at # Hz: lines from # on not read",
                "recording longer than # h at # beats/s: lines from # on not read",
                "no samples: the file is empty",
                "no samples after the header rows",
                "no beats after the header row (the E# writes an IBI.csv without beats when it found no clean beat, e.g. with much movement): heart rate comes from the pulse wave",
                "missing header row # (sample rate, Hz)",
                "invalid header row #: expected '<start unix seconds>, IBI'",
                "invalid header row # (start time, unix seconds): longer than # characters",
                "invalid header row # (sample rate, Hz): expected a positive number, got #",
                "implausible header row # (start time, unix seconds): # looks like milliseconds, expected unix seconds",
                "gzip data truncated or corrupt at line #",
                "cannot read the file at line # (I/O error: IOException)")) {
            assertTrue(reasons.contains(reason), reason + " not among\n" + String.join("\n", reasons) + "\n.");
        }
    }

    @Test
    void shouldParseAsTheStringParserDidWhenGivenSmallEdgeFiles() throws IOException {
        Set<String> reasons = new TreeSet<>();
        compareEdgeFiles(reasons);
        assertTrue(reasons.contains("missing header row # (sample rate, Hz)"), reasons.toString());
    }

    /** Small files of the shapes at the edges, compared in chunks of 1-3 characters too. */
    private static void compareEdgeFiles(Set<String> reasons) throws IOException {
        String start = START_S + ".000000";
        String[] bvp = {
            "",
            "\uFEFF",
            "\n",
            "\r\n",
            "\r",
            " ",
            start,
            start + "\n",
            start + "\r\n",
            start + "\r",
            "\uFEFF" + start + "\n64\n1",
            start + "\n64",
            start + "\n64\n",
            start + "\n64\n\n\n",
            start + "\r64\r\r1\r",
            start + "\r\n64\r\n1\r\n\r\n2",
            start + "\n64\n \n\t\n1\n \n",
            start + "\n64\n1,\n,1\n,\n1,,\n",
            start + "\n64\n\uFEFF1\n1\uFEFF\n",
            "\uFEFF\uFEFF" + start + "\n64\n1",
            start + "\n64\n" + "5".repeat(4096) + "\n" + "5".repeat(4097) + "\r" + "5".repeat(4096),
            start + "\n64\n+1\n.5\n1.\n-0\n1e2\n1E-2\n+.5e+1\n123456789012345678901\n0x1\nNaN\n-Infinity\n1e999"
        };
        String[] ibi = {
            "",
            start + ", IBI",
            start + ", IBI\n",
            start + ",IBI\r\n1,0.8\r\n",
            "\uFEFF" + start + ",  ibi \n1,0.8\n1,0.8\n0.5,0.8\n2,0\n3,-1\n-1,1\n1e9,1\n4,1,\n5\n\n6,1\n\n",
            start + ", IBI\n1 , 0.8 \n\t2,\t0.9\n"
        };
        for (String text : bvp) {
            compare(Channel.BVP, text, reasons);
            compare(
                    Channel.ACC,
                    text.replace("\n64", "\n32,32,32").replace(start + "\n", start + "," + start + "," + start + "\n"),
                    reasons);
        }
        for (String text : ibi) {
            compare(Channel.IBI, text, reasons);
        }
    }

    private static void compare(Channel channel, String text, Set<String> reasons) throws IOException {
        for (int chunk : new int[] {Integer.MAX_VALUE, 1, 2, 3}) {
            E4CsvParser.Result got =
                    E4CsvParser.parse(channel, reader(text, chunk, -1, 9), "s", "f.csv", E4Limits.defaults(), false);
            assertSame(
                    ReferenceE4CsvParser.parse(
                            channel, reader(text, chunk, -1, 0), "s", "f.csv", E4Limits.defaults(), false),
                    got,
                    channel + " in chunks of " + chunk + ": " + shown(text));
            addReasons(got, reasons);
        }
    }

    /** The reasons of the rejects with their numbers as #. */
    private static void addReasons(E4CsvParser.Result result, Set<String> reasons) {
        result.report().rejects().forEach(r -> reasons.add(r.reason.replaceAll("-?[0-9][0-9.]*(E-?[0-9]+)?", "#")));
    }

    @Test
    void shouldParseAsTheStringParserDidWhenLinesCrossTheReadBuffer() throws IOException {
        Random random = new Random(3);
        for (Channel channel : List.of(Channel.ACC, Channel.BVP, Channel.IBI)) {
            StringBuilder text = new StringBuilder(header(channel, random, 0));
            double offset = 0;
            while (text.length() < 5 * (1 << 16)) {
                int kind = random.nextInt(60);
                if (kind == 0) {
                    text.append("7".repeat(E4Limits.MAX_LINE_CHARS + random.nextInt(3) - 1));
                } else if (kind == 1) {
                    text.append("8".repeat(70_000 + random.nextInt(100)));
                } else if (kind == 2) {
                    text.append(" ".repeat(random.nextInt(5000)));
                } else {
                    offset += 0.5 + random.nextDouble();
                    text.append(good(channel, random, offset));
                }
                text.append(ENDS[random.nextInt(3)]);
            }
            for (int chunk : new int[] {Integer.MAX_VALUE, 4093, 1 + random.nextInt(7)}) {
                String s = text.toString();
                assertSame(
                        ReferenceE4CsvParser.parse(
                                channel, reader(s, chunk, -1, 0), "s", "f.csv", E4Limits.defaults(), false),
                        E4CsvParser.parse(channel, reader(s, chunk, -1, 1), "s", "f.csv", E4Limits.defaults(), false),
                        channel + " in chunks of " + chunk);
            }
        }
    }

    @Test
    void shouldGiveTheSameValuesWhenGivenAFiftyMinuteAccFile() throws IOException {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder(header(Channel.ACC, random, 0));
        for (int i = 0; i < 96_000; i++) {
            text.append(random.nextInt(256) - 128)
                    .append(',')
                    .append(random.nextInt(256) - 128)
                    .append(',')
                    .append(random.nextInt(256) - 128)
                    .append('\n');
        }
        String s = text.toString();
        E4CsvParser.Result got =
                E4CsvParser.parse(Channel.ACC, new StringReader(s), "s", "ACC.csv", E4Limits.defaults());
        assertSame(
                ReferenceE4CsvParser.parse(Channel.ACC, new StringReader(s), "s", "ACC.csv", E4Limits.defaults()),
                got,
                "ACC");
        assertEquals(96_000, got.data().sampleCount());
    }

    private static void assertSame(ReferenceE4CsvParser.Result want, E4CsvParser.Result got, String what) {
        assertEquals(want.data() == null, got.data() == null, what + ": data");
        if (want.data() != null) {
            E4Channel w = want.data();
            E4Channel g = got.data();
            assertEquals(w.channel(), g.channel(), what);
            assertEquals(w.startMillis(), g.startMillis(), what);
            assertEquals(Double.doubleToRawLongBits(w.rateHz()), Double.doubleToRawLongBits(g.rateHz()), what);
            assertArrayEquals(bits(w.rawValues()), bits(g.rawValues()), what + ": values");
            assertArrayEquals(bits(w.rawOffsets()), bits(g.rawOffsets()), what + ": offsets");
        }
        E4FileReport w = want.report();
        E4FileReport g = got.report();
        assertEquals(w.recordsRead(), g.recordsRead(), what + ": read");
        assertEquals(w.recordsRejected(), g.recordsRejected(), what + ": rejected");
        assertEquals(w.fileRejected(), g.fileRejected(), what + ": file rejected");
        assertEquals(rows(w.rejects()), rows(g.rejects()), what + ": rejects");
    }

    private static long[] bits(double[] values) {
        return values == null
                ? null
                : Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static List<String> rows(List<Reject> rejects) {
        return rejects.stream()
                .map(r -> r.sessionId + "|" + r.sourceFile + "|" + r.line + "|" + r.reason + "|" + r.raw)
                .toList();
    }

    /** A random file of the channel: header rows of some kind, then data lines of every kind. */
    private static String file(Channel channel, Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(5) == 0) {
            text.append('\uFEFF');
        }
        int headerKind = random.nextInt(4) == 0 ? random.nextInt(16) : 0;
        text.append(header(channel, random, headerKind));
        String end = random.nextInt(4) == 0 ? null : ENDS[random.nextInt(3)];
        int lines = random.nextInt(10) == 0 ? random.nextInt(3) : random.nextInt(400);
        double offset = 0;
        for (int i = 0; i < lines; i++) {
            offset += random.nextInt(50) == 0 ? -1 : 0.3 + random.nextDouble();
            text.append(random.nextInt(6) == 0 ? bad(channel, random, offset) : good(channel, random, offset));
            text.append(end != null ? end : ENDS[random.nextInt(3)]);
            if (random.nextInt(100) == 0) { // a run of blank lines, at 7.2 s longer than the cap
                for (int b = 5 + random.nextInt(150); b > 0; b--) {
                    text.append(random.nextBoolean() ? "" : " ").append(end != null ? end : "\n");
                }
            }
        }
        for (int i = random.nextInt(4) == 0 ? random.nextInt(5) : 0; i > 0; i--) {
            text.append(random.nextBoolean() ? "" : " \t").append(ENDS[random.nextInt(3)]);
        }
        if (random.nextBoolean() && text.length() > 0) {
            text.setLength(text.length() - 1); // no line end after the last line
        }
        return text.toString();
    }

    /** Header rows: kind 0 valid, 1-15 missing, short, wrong or implausible in some way. */
    private static String header(Channel channel, Random random, int kind) {
        String end = ENDS[random.nextInt(3)];
        String start = String.format(Locale.ROOT, random.nextBoolean() ? "%d.000000" : "%d", START_S);
        if (channel == Channel.IBI) {
            return switch (kind) {
                case 0, 1, 2, 3 -> start + (kind == 1 ? ",IBI" : kind == 2 ? ",  ibi " : ", IBI") + end;
                case 4 -> start + ", HR" + end;
                case 5 -> start + end;
                case 6 -> "12.5,0.8" + end;
                case 7 -> START_S * 1000 + ", IBI" + end;
                case 8 -> "";
                case 9 -> "9".repeat(5000) + ", IBI" + end;
                case 10 -> "NaN, IBI" + end;
                default -> "-" + start + ", IBI" + end;
            };
        }
        int width = channel.width();
        double nominal = E4Limits.nominalRateHz(channel);
        String rate = String.format(Locale.ROOT, "%.6f", nominal);
        return switch (kind) {
            case 0 -> row(start, width, random) + end + row(rate, width, random) + end;
            case 1 -> row(start, width, random) + end; // no rate row
            case 2 -> row(start, width, random); // no line end, no rate row
            case 3 -> ""; // empty file or data first
            case 4 -> row("12", width, random) + end + row(rate, width, random) + end;
            case 5 -> row(START_S * 1000 + "", width, random) + end + row(rate, width, random) + end;
            case 6 -> row(start, width, random) + end + row(nominal * 10 + "", width, random) + end;
            case 7 -> row("abc", width, random) + end + row(rate, width, random) + end;
            case 8 -> row(start, width + 1, random) + end + row(rate, width, random) + end;
            case 9 -> row(start, width, random) + end + row("x", width, random) + end;
            case 10 -> "1".repeat(5000) + end + row(rate, width, random) + end;
            case 11 -> row(start, width, random) + end + "2".repeat(4097) + end;
            case 12 -> row(start, width, random) + end + end + row(rate, width, random) + end;
            case 13 -> width == 3 ? start + ",1," + start + end + rate + end : "0" + end + rate + end;
            case 14 -> "Jane Doe" + end + row(rate, width, random) + end;
            default -> row(start, width, random) + end + row("-" + rate, width, random) + end;
        };
    }

    private static String row(String value, int width, Random random) {
        StringBuilder s = new StringBuilder(value);
        for (int c = 1; c < width; c++) {
            s.append(random.nextBoolean() ? ", " : ",").append(value);
        }
        return s.toString();
    }

    /** A data line that parses, in one of the shapes the E4 or a re-export writes. */
    private static String good(Channel channel, Random random, double offset) {
        if (channel == Channel.IBI) {
            return String.format(Locale.ROOT, "%.6f,%.6f", offset, 0.4 + random.nextDouble());
        }
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < channel.width(); c++) {
            if (c > 0) {
                s.append(random.nextInt(4) == 0 ? ", " : ",");
            }
            s.append(number(random));
        }
        return s.toString();
    }

    private static String number(Random random) {
        double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8) - 2);
        return switch (random.nextInt(12)) {
            case 0 -> String.format(Locale.ROOT, "%.2f", v);
            case 1 -> String.format(Locale.ROOT, "%.6f", v);
            case 2 -> Double.toString(v);
            case 3 -> String.format(Locale.ROOT, "%.3e", v);
            case 4 -> "+" + random.nextInt(100);
            case 5 -> "." + random.nextInt(1000);
            case 6 -> random.nextInt(1000) + ".";
            case 7 -> "12345678901234567" + random.nextInt(10) + "." + random.nextInt(1000); // 18+ digits
            case 8 -> " " + random.nextInt(100) + "\t";
            case 9 -> "0.000000000000000000000000" + (1 + random.nextInt(9));
            default -> Long.toString(random.nextInt(256) - 128);
        };
    }

    /** A data line the parser rejects (or, for some IBI lines, may reject). */
    private static String bad(Channel channel, Random random, double offset) {
        int width = channel == Channel.IBI ? 2 : channel.width();
        String ok = good(channel, random, offset);
        return switch (random.nextInt(24)) {
            case 0 -> "";
            case 1 -> "   \t";
            case 2 -> "\u000B";
            case 3 -> "\u2003 \u3000";
            case 4 -> "\u00A0";
            case 5 -> "abc";
            case 6 -> "Jane Doe, 12";
            case 7 -> ok + ",";
            case 8 -> ok + "," + number(random);
            case 9 -> width > 1 ? ok.substring(0, ok.lastIndexOf(',')) : ok + ",";
            case 10 -> "1e999" + ",1".repeat(width - 1);
            case 11 -> "-Infinity" + ",1".repeat(width - 1);
            case 12 -> "NaN" + ",2".repeat(width - 1);
            case 13 -> "3".repeat(E4Limits.MAX_LINE_CHARS + 1);
            case 14 -> "4".repeat(E4Limits.MAX_LINE_CHARS - 2 * (width - 1)) + ",1".repeat(width - 1);
            case 15 -> "x".repeat(20_000);
            case 16 -> "0x10" + ",1".repeat(width - 1);
            case 17 -> "1d" + ",1".repeat(width - 1);
            case 18 -> "\u00fc" + ok;
            case 19 -> ",".repeat(width);
            case 20 -> channel == Channel.IBI ? String.format(Locale.ROOT, "%.3f,0", offset) : ok + ",,";
            case 21 -> channel == Channel.IBI ? String.format(Locale.ROOT, "%.3f,-0.5", offset) : "1-2";
            case 22 -> channel == Channel.IBI ? "-3,0.8" : "1 2";
            default -> channel == Channel.IBI ? "1e9,0.8" : "- 1";
        };
    }

    /** The text, given {@code chunk} characters at most per read, failing at {@code failAt} (-1: never). */
    private static Reader reader(String text, int chunk, int failAt, long seed) {
        Random random = new Random(seed);
        return new Reader() {
            private int pos;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (failAt >= 0 && pos >= failAt) {
                    throw failAt % 2 == 0 ? new EOFException() : new IOException("broken");
                }
                if (pos >= text.length()) {
                    return -1;
                }
                int n = Math.min(
                        len,
                        Math.min(text.length() - pos, chunk == Integer.MAX_VALUE ? chunk : 1 + random.nextInt(chunk)));
                if (failAt >= 0) {
                    n = Math.max(1, Math.min(n, failAt - pos));
                }
                text.getChars(pos, pos + n, buf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {}
        };
    }

    private static String shown(String text) {
        String s = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        return s.replace("\r", "\\r").replace("\n", "\\n\n");
    }
}
