package org.sessionreview.jobs.sampledata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes Empatica E4 export files exactly as the device export lays them out (see
 * {@code shared/data/README.md}), gzip-compressed ({@code EDA.csv.gz} ...). Row 1 is the start
 * as unix UTC seconds (one per column for ACC; BVP writes 2 decimals there like the real
 * export), row 2 the rate, then the samples; LF line endings. {@link GZIPOutputStream} writes a
 * zero mtime, so the bytes depend only on the content (and on the JDK's zlib).
 */
final class E4Writer {
    private E4Writer() {}

    /** A single-column regular channel: EDA (6 decimals), TEMP (2), BVP (2), HR (2). */
    static void writeRegular(
            Path file, double startUnixS, double rateHz, double[] values, int decimals, int headerDecimals)
            throws IOException {
        StringBuilder sb = new StringBuilder(values.length * (decimals + 4) + 64);
        Fmt.fixed(sb, startUnixS, headerDecimals).append('\n');
        Fmt.fixed(sb, rateHz, 6).append('\n');
        for (double v : values) {
            Fmt.fixed(sb, v, decimals).append('\n');
        }
        writeText(file, sb);
    }

    /** ACC.csv: three integer columns of 1/64 g, headers repeated per column. */
    static void writeAcc(Path file, double startUnixS, double rateHz, int[][] xyz) throws IOException {
        StringBuilder sb = new StringBuilder(xyz.length * 12 + 128);
        String start = Fmt.fixed(startUnixS, 6);
        String rate = Fmt.fixed(rateHz, 6);
        sb.append(start).append(", ").append(start).append(", ").append(start).append('\n');
        sb.append(rate).append(", ").append(rate).append(", ").append(rate).append('\n');
        for (int[] s : xyz) {
            sb.append(s[0]).append(',').append(s[1]).append(',').append(s[2]).append('\n');
        }
        writeText(file, sb);
    }

    /** IBI.csv: {@code <start>, IBI} then {@code offset_s,ibi_s} rows, 6 decimals. */
    static void writeIbi(Path file, double startUnixS, List<CardiacSynth.IbiRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder(rows.size() * 22 + 32);
        Fmt.fixed(sb, startUnixS, 6).append(", IBI\n");
        for (CardiacSynth.IbiRow r : rows) {
            Fmt.fixed(sb, r.offsetS(), 6).append(',');
            Fmt.fixed(sb, r.ibiS(), 6).append('\n');
        }
        writeText(file, sb);
    }

    /** Gzip-compressed when the name ends in {@code .gz}, plain text otherwise. */
    private static void writeText(Path file, CharSequence text) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            return;
        }
        try (OutputStream out = Files.newOutputStream(file);
                GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
                Writer w = new OutputStreamWriter(gz, StandardCharsets.US_ASCII)) {
            w.append(text);
        }
    }
}
