package org.sessionreview.ingest.e4;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/**
 * <b>Test-scope reference</b>: {@code E4CsvParser} as it was before the parser stopped making a String
 * per line (main at 9326077), kept unchanged as the oracle of {@code E4ParserEquivalenceTest}.
 *
 * <p>Parses one E4 channel file from a reader (plain or already decompressed).
 *
 * <p>Layout (Empatica E4 "info.txt"): regular channels have row 1 = start time as unix seconds
 * (one per column for ACC, all equal), row 2 = rate in Hz (one per column, all equal), then one
 * sample per line. IBI.csv has row 1 = {@code <start>, IBI}, then {@code offset_s,ibi_s} lines.
 * A UTF-8 byte-order mark before row 1 is ignored.
 *
 * <p>The header is checked against {@link E4Limits} before anything is allocated: a missing,
 * non-numeric or implausible start time or rate (as when the header rows are missing and row 1
 * is a sample), an empty file or a file without data lines rejects the whole file. Each data
 * line is checked for its column count, non-numeric or non-finite values, a length over {@link
 * E4Limits#MAX_LINE_CHARS} and being empty inside the data; for IBI also interval <= 0, negative
 * offset, offset past the duration cap and a beat out of order ({@link BeatOrder}). Reading stops at
 * the duration cap and at an I/O error, keeping what was read. Counting: see {@link
 * E4FileReport}.
 *
 * <p>Reasons quote only numbers that parsed; {@link Reject#raw} keeps a line only when it holds
 * nothing but digits, signs, {@code e E . ,}, spaces and tabs (else null), so no input text that
 * could carry an identity reaches the rejects table.
 */
public final class ReferenceE4CsvParser {
    private static final String ROW1 = "row 1 (start time, unix seconds)";
    private static final String ROW2 = "row 2 (sample rate, Hz)";

    private final Channel channel;
    private final String sessionId;
    private final String sourceFile;
    private final E4Limits limits;
    private final boolean gzip;
    private final List<Reject> rejects = new ArrayList<>();
    private final ReferenceE4Row row;
    /** The numbers of the row last parsed ({@code row.values}). */
    private final double[] fields;

    private long lineNo;
    private long read;
    private long rejected;
    /** Part of the file was not read as data lines (see {@link E4FileReport}). */
    private boolean unread;

    private String error;

    private ReferenceE4CsvParser(Channel channel, String sessionId, String sourceFile, E4Limits limits, boolean gzip) {
        this.channel = channel;
        this.sessionId = sessionId;
        this.sourceFile = sourceFile;
        this.limits = limits;
        this.gzip = gzip;
        this.row = new ReferenceE4Row(channel == Channel.IBI ? 2 : channel.width());
        this.fields = row.values;
    }

    /** The parsed channel (null when the file was rejected as a whole) and the file report. */
    public record Result(E4Channel data, E4FileReport report) {}

    /** Parses with {@link E4Limits#defaults()}; see {@link #parse(Channel, Reader, String, String, E4Limits)}. */
    public static Result parse(Channel channel, BufferedReader in, String sessionId, String sourceFile) {
        return parse(channel, in, sessionId, sourceFile, E4Limits.defaults());
    }

    /**
     * Parses a channel file.
     *
     * @param channel which channel the file holds (decides the layout and the width)
     * @param in the file's text, positioned at line 1 (need not be buffered)
     * @param sessionId carried into each {@link Reject}
     * @param sourceFile the file name carried into each {@link Reject}
     * @param limits the plausibility limits
     */
    public static Result parse(Channel channel, Reader in, String sessionId, String sourceFile, E4Limits limits) {
        return parse(channel, in, sessionId, sourceFile, limits, false);
    }

    /** As the public overload; {@code gzip} only words the reason of a read error. */
    static Result parse(
            Channel channel, Reader in, String sessionId, String sourceFile, E4Limits limits, boolean gzip) {
        ReferenceE4CsvParser p = new ReferenceE4CsvParser(channel, sessionId, sourceFile, limits, gzip);
        E4Channel data = p.run(new ReferenceLineSource(in, E4Limits.MAX_LINE_CHARS));
        if (p.read == 0 || p.unread) {
            p.read++;
            p.rejected++;
        }
        E4FileReport report = new E4FileReport(channel, null, sourceFile, p.read, p.rejected, data == null, p.rejects);
        return new Result(data, report);
    }

    private E4Channel run(ReferenceLineSource in) {
        try {
            return channel == Channel.IBI ? readIbi(in) : readRegular(in);
        } catch (IOException e) {
            // Only the header rows get here: the data loops catch their own errors.
            readError(e);
            return null;
        }
    }

    private E4Channel readRegular(ReferenceLineSource in) throws IOException {
        String startRow = nextLine(in);
        if (startRow == null) {
            return noSamples("no samples: the file is empty");
        }
        double start = header(startRow, ROW1);
        if (Double.isNaN(start)) {
            return wholeFile(in, 1, error, startRow, 1);
        }
        String problem = limits.startProblem(start);
        if (problem != null) {
            String hint = start < E4Limits.EARLIEST_START_SECONDS / 10.0 ? " (are the header rows missing?)" : "";
            return wholeFile(in, 1, "implausible header " + ROW1 + ": " + problem + hint, startRow, 1);
        }
        String rateRow = nextLine(in);
        if (rateRow == null) {
            return wholeFile(in, 2, "missing header " + ROW2, null, 0);
        }
        double rate = header(rateRow, ROW2);
        if (Double.isNaN(rate)) {
            return wholeFile(in, 2, error, rateRow, 0);
        }
        problem = limits.rateProblem(channel, rate);
        if (problem != null) {
            return wholeFile(in, 2, "implausible header " + ROW2 + ": " + problem, rateRow, 0);
        }
        long cap = limits.maxSamples(rate);
        int width = channel.width();
        DoubleList values = new DoubleList((int) Math.min(1 << 16, Math.max(16, cap * width)));
        DataLines lines = new DataLines(in, cap);
        String line;
        while ((line = lines.next()) != null) {
            if (read == cap) {
                stopAtCap(lines.number, E4Limits.num(rate) + " Hz");
                break;
            }
            read++;
            String reason = lineProblem(line, width);
            if (reason == null) {
                // added 2026-12-05 with the parser's ACC range check, 2026-12-06 every channel's range
                reason = limits.sampleProblem(channel, fields);
            }
            if (reason != null) {
                reject(lines.number, reason, line);
            }
            for (int c = 0; c < width; c++) {
                values.add(reason == null ? fields[c] : Double.NaN);
            }
        }
        if (read == 0) {
            return noSamples("no samples after the header rows");
        }
        return E4Channel.wrap(channel, Math.round(start * 1000.0), rate, values.toArray(), null);
    }

    private E4Channel readIbi(ReferenceLineSource in) throws IOException {
        String startRow = nextLine(in);
        if (startRow == null) {
            return noSamples("no samples: the file is empty");
        }
        int comma = startRow == ReferenceLineSource.TOO_LONG ? -1 : startRow.indexOf(',');
        double start = comma < 0 ? Double.NaN : ReferenceFastDecimal.parse(startRow, 0, comma);
        String label = comma < 0 ? "" : startRow.substring(comma + 1).trim();
        if (!(start > 0) || Double.isInfinite(start) || !label.equalsIgnoreCase("IBI")) {
            return wholeFile(in, 1, "invalid header row 1: expected '<start unix seconds>, IBI'", startRow, 0);
        }
        String problem = limits.startProblem(start);
        if (problem != null) {
            return wholeFile(in, 1, "implausible header row 1 (start time, unix seconds): " + problem, startRow, 0);
        }
        long cap = limits.maxIbiLines();
        DoubleList offsets = new DoubleList(4096);
        DoubleList intervals = new DoubleList(4096);
        BeatOrder order = new BeatOrder(offsets, intervals);
        int firstReject = rejects.size();
        DataLines lines = new DataLines(in, cap);
        String line;
        while ((line = lines.next()) != null) {
            if (read == cap) {
                stopAtCap(lines.number, E4Limits.MAX_IBI_BEATS_PER_SECOND + " beats/s");
                break;
            }
            read++;
            String reason = lineProblem(line, 2);
            if (reason == null) {
                reason = ibiProblem(fields[0], fields[1]);
            }
            if (reason != null) {
                reject(lines.number, reason, line);
                continue;
            }
            BeatOrder.Rejected out = order.offer(fields[0], fields[1], lines.number, line, "");
            if (out != null) {
                reject(out.line(), out.reason(), out.raw());
            }
        }
        order.finish();
        rejects.subList(firstReject, rejects.size()).sort(java.util.Comparator.comparingLong(r -> r.line));
        if (read == 0) {
            return noSamples(
                    "no beats after the header row (the E4 writes an IBI.csv without beats when it found no clean beat, e.g. with much movement): heart rate comes from the pulse wave");
        }
        return E4Channel.wrap(Channel.IBI, Math.round(start * 1000.0), 0, intervals.toArray(), offsets.toArray());
    }

    private String ibiProblem(double offset, double ibi) {
        if (offset < 0) {
            return "negative beat offset " + offset + " s";
        }
        if (offset > limits.maxOffsetSeconds()) {
            return "beat offset " + E4Limits.num(offset) + " s is past the " + E4Limits.num(limits.maxDurationHours())
                    + " h limit";
        }
        if (!(ibi > 0)) {
            return (ibi < 0 ? "negative" : "zero") + " IBI " + ibi + " s";
        }
        if (ibi < E4Limits.MIN_IBI_S || ibi > E4Limits.MAX_IBI_S) {
            return "IBI " + E4Limits.num(ibi) + " s is no interval between heart beats (" + E4Limits.MIN_IBI_S + " to "
                    + E4Limits.num(E4Limits.MAX_IBI_S) + " s)";
        }
        return null;
    }

    /** Why a data line is rejected (null when fine); fills {@link #fields}. */
    private String lineProblem(String line, int width) {
        return row.dataProblem(line, width);
    }

    /**
     * Parses a header row of {@code fields.length} equal positive numbers (IBI excluded); NaN with
     * {@link #error} set when it is not one.
     */
    private double header(String text, String what) {
        String reason = row.headerProblem(text);
        if (reason != null) {
            error = "invalid header " + what + ": " + reason;
            return Double.NaN;
        }
        return fields[0];
    }

    /**
     * Rejects the whole file at header line {@code line}, then counts the data lines after
     * {@code skipRows} more header rows as rejected (up to the duration cap at the highest
     * plausible rate; the rest then counts as one record, as does an I/O error).
     */
    private E4Channel wholeFile(ReferenceLineSource in, long line, String reason, String raw, int skipRows) {
        rejects.add(new Reject(sessionId, sourceFile, line, reason, safeRaw(raw)));
        try {
            for (int i = 0; i < skipRows; i++) {
                if (nextLine(in) == null) {
                    return null;
                }
            }
        } catch (IOException e) {
            readError(e);
            return null;
        }
        long cap = channel == Channel.IBI ? limits.maxIbiLines() : limits.maxSamples(limits.maxRateHz(channel));
        DataLines lines = new DataLines(in, cap);
        while (lines.next() != null) {
            if (read == cap) {
                unread = true;
                break;
            }
            read++;
            rejected++;
        }
        return null;
    }

    /** A file without data lines: one reject at line 0, counted as one record by {@link #parse}. */
    private E4Channel noSamples(String reason) {
        rejects.add(new Reject(sessionId, sourceFile, 0, reason, null));
        return null;
    }

    private void stopAtCap(long line, String rate) {
        unread = true;
        rejects.add(new Reject(
                sessionId,
                sourceFile,
                line,
                "recording longer than "
                        + E4Limits.num(limits.maxDurationHours()) + " h at " + rate + ": lines from " + line
                        + " on not read",
                null));
    }

    /** The reason for an I/O error at the next line: names neither the path nor the message. */
    private void readError(IOException e) {
        unread = true;
        long line = lineNo + 1;
        String reason;
        if (gzip && (e instanceof EOFException || e instanceof ZipException)) {
            reason = "gzip data truncated or corrupt at line " + line;
        } else if (e instanceof EOFException) {
            reason = "cut short at line " + line
                    + ": the data end inside it (a copy or download that stopped?); the lines before it are used";
        } else {
            reason = "cannot read the file at line " + line + " (I/O error: "
                    + e.getClass().getSimpleName() + ")";
        }
        rejects.add(new Reject(sessionId, sourceFile, line, reason, null));
    }

    private void reject(long line, String reason, String raw) {
        rejected++;
        rejects.add(new Reject(sessionId, sourceFile, line, reason, safeRaw(raw)));
    }

    /** See {@link ReferenceE4Row#safeRaw(String)}. */
    static String safeRaw(String line) {
        return ReferenceE4Row.safeRaw(line);
    }

    private String nextLine(ReferenceLineSource in) throws IOException {
        String line = in.next();
        if (line != null) {
            lineNo++;
        }
        return line;
    }

    /**
     * Data lines with their 1-based numbers. A run of blank lines is returned (as data lines to
     * reject) only when a non-blank line follows it, so blank lines at the end are ignored; a run
     * longer than {@code maxRun} is returned without looking further (it cannot end within the
     * duration cap). An I/O error ends the data with a reject at the line that could not be read.
     */
    private final class DataLines {
        private final ReferenceLineSource in;
        private final long maxRun;
        private long pendingBlank;
        private String held;
        /** Number of the line last returned by {@link #next()}. */
        long number;

        DataLines(ReferenceLineSource in, long maxRun) {
            this.in = in;
            this.maxRun = maxRun;
        }

        String next() {
            if (pendingBlank > 0) {
                pendingBlank--;
                number++;
                return "";
            }
            if (held != null) {
                String h = held;
                held = null;
                number++;
                return h;
            }
            try {
                String line = in.next();
                if (line == null) {
                    return null;
                }
                lineNo++;
                number = lineNo;
                if (line == ReferenceLineSource.TOO_LONG || !line.isBlank()) {
                    return line;
                }
                long blanks = 1;
                while ((line = in.next()) != null) {
                    lineNo++;
                    if (line == ReferenceLineSource.TOO_LONG || !line.isBlank()) {
                        held = line;
                        pendingBlank = blanks - 1;
                        return "";
                    }
                    blanks++;
                    if (blanks > maxRun) {
                        pendingBlank = blanks - 1;
                        return "";
                    }
                }
                return null;
            } catch (IOException e) {
                pendingBlank = 0;
                held = null;
                readError(e);
                return null;
            }
        }
    }
}
