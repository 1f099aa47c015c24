package org.sessionreview.ingest.e4;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/**
 * Parses one E4 channel file from a reader (plain or already decompressed).
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
 * E4Limits#MAX_LINE_CHARS} and being empty inside the data; for IBI also interval <= 0 or outside
 * {@link E4Limits#MIN_IBI_S}..{@link E4Limits#MAX_IBI_S}, negative
 * offset, offset past the duration cap and a beat out of order ({@link BeatOrder}). Reading stops at
 * the duration cap and at an I/O error, keeping what was read. A first data line that repeats the
 * rate row's text (the rate row written twice) is rejected and takes no place on the sample grid,
 * so the samples after it keep their times. A last line without a line end that is shorter than
 * the file's format is rejected as cut ({@link CutLastLine}). Counting: see {@link E4FileReport}.
 *
 * <p>Two exports joined into one file (a second header among the data lines) are placed at
 * their own times: for regular channels see {@link JoinedExports}; in IBI.csv a data line {@code
 * <plausible start>, IBI} is rejected and the offsets after it are shifted by {@code start2 -
 * start} (seconds) before they are checked, so that each beat lands at its true time.
 *
 * <p>Reasons quote only numbers that parsed; {@link Reject#raw} keeps a line only when it holds
 * nothing but digits, signs, {@code e E . ,}, spaces and tabs (else null), so no input text that
 * could carry an identity reaches the rejects table.
 *
 * <p>Data lines are parsed in place ({@link LineSource}, {@link DataLines}, {@link
 * E4Row#dataProblem}): a line that is accepted costs no object; a String is made only for the
 * header rows and for a rejected line's {@link Reject#raw}. Values are what {@link
 * Double#parseDouble} gives for each field's text ({@link FastDecimal}), in the units of the
 * {@link Channel} (IBI beat offsets and intervals in seconds).
 */
public final class E4CsvParser {
    private static final String ROW1 = "row 1 (start time, unix seconds)";
    private static final String ROW2 = "row 2 (sample rate, Hz)";
    private static final String REPEATED_RATE_ROW = "repeats the sample rate row (line 2): the rate row written"
            + " twice? Not taken as a sample; the samples start at line 4";

    private final Channel channel;
    private final String sessionId;
    private final String sourceFile;
    private final E4Limits limits;
    private final boolean gzip;
    private final List<Reject> rejects = new ArrayList<>();
    private final DoubleList outOfRange = new DoubleList(16);
    private final E4Row row;
    /** The numbers of the row last parsed ({@code row.values}). */
    private final double[] fields;

    private final CutLastLine cut = new CutLastLine();

    private long read;
    private long rejected;
    /** Part of the file was not read as data lines (see {@link E4FileReport}). */
    private boolean unread;

    private String error;

    private E4CsvParser(Channel channel, String sessionId, String sourceFile, E4Limits limits, boolean gzip) {
        this.channel = channel;
        this.sessionId = sessionId;
        this.sourceFile = sourceFile;
        this.limits = limits;
        this.gzip = gzip;
        this.row = new E4Row(channel == Channel.IBI ? 2 : channel.width());
        this.fields = row.values;
    }

    /**
     * The parsed channel (null when the file was rejected as a whole) and the file report.
     *
     * @param outOfRange the rows rejected as outside their channel's range ({@link E4SampleRanges}),
     *     for the units check ({@link E4Reader#unitsChecked}): a file in other units has them all
     */
    public record Result(E4Channel data, E4FileReport report, double[] outOfRange) {
        public Result(E4Channel data, E4FileReport report) {
            this(data, report, new double[0]);
        }
    }

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
        return parse(channel, in, sessionId, sourceFile, limits, gzip, null);
    }

    /**
     * As above, for text read through {@code lines} (a decompressing stream): a failure it kept is
     * reported at the line after the last one read, as a read error there would have been.
     */
    static Result parse(
            Channel channel,
            Reader in,
            String sessionId,
            String sourceFile,
            E4Limits limits,
            boolean gzip,
            CompleteLines lines) {
        E4CsvParser p = new E4CsvParser(channel, sessionId, sourceFile, limits, gzip);
        LineSource source = new LineSource(in, E4Limits.MAX_LINE_CHARS);
        E4Channel data = p.run(source);
        if (lines != null && lines.failure() != null && !p.unread) {
            p.readError(lines.failure(), source);
        }
        if (p.read == 0 || p.unread) {
            p.read++;
            p.rejected++;
        }
        E4FileReport report = new E4FileReport(channel, null, sourceFile, p.read, p.rejected, data == null, p.rejects);
        return new Result(data, report, p.outOfRange.toArray());
    }

    private E4Channel run(LineSource in) {
        try {
            return channel == Channel.IBI ? readIbi(in) : readRegular(in);
        } catch (IOException e) {
            // Only the header rows get here: the data loops catch their own errors.
            readError(e, in);
            return null;
        }
    }

    private E4Channel readRegular(LineSource in) throws IOException {
        String startRow = in.next();
        if (startRow == null) {
            return noSamples("no samples: the file is empty");
        }
        double start = header(in, startRow, ROW1);
        if (Double.isNaN(start)) {
            return wholeFile(in, 1, error, startRow, 1);
        }
        String problem = limits.startProblem(start);
        if (problem != null) {
            String hint = start < E4Limits.EARLIEST_START_SECONDS / 10.0 ? " (are the header rows missing?)" : "";
            return wholeFile(in, 1, "implausible header " + ROW1 + ": " + problem + hint, startRow, 1);
        }
        String rateRow = in.next();
        if (rateRow == null) {
            return wholeFile(in, 2, "missing header " + ROW2, null, 0);
        }
        double rate = header(in, rateRow, ROW2);
        if (Double.isNaN(rate)) {
            return wholeFile(in, 2, error, rateRow, 0);
        }
        problem = limits.rateProblem(channel, rate);
        if (problem != null) {
            String hint = rate == start ? " (it equals the start time on line 1: the start row written twice?)" : "";
            return wholeFile(in, 2, "implausible header " + ROW2 + ": " + problem + hint, rateRow, 0);
        }
        long cap = limits.maxSamples(rate);
        int width = channel.width();
        DoubleList values = new DoubleList((int) Math.min(4096, Math.max(16, cap * width))); // grows by doubling
        JoinedExports joined =
                new JoinedExports(channel, limits, start, rate, cap, values, fields, rejects, sessionId, sourceFile);
        DataLines lines = new DataLines(in, cap, fields);
        try {
            while (lines.next()) {
                if (read == cap || values.size() >= cap * width || (joined.busy() && joined.full())) {
                    joined.finish();
                    stopAtCap(lines.number, E4Limits.num(rate) + " Hz");
                    break;
                }
                read++;
                String reason = lineProblem(lines, in, width);
                if (lines.number == 3 && reason == null && in.text().strip().equals(rateRow.strip())) {
                    reject(lines, in, REPEATED_RATE_ROW); // not a sample: the samples start at line 4
                    continue;
                }
                // an ordinary line costs one comparison here, not a call
                if ((joined.busy() || (reason == null && fields[0] > JoinedExports.MIN_START_SECONDS))
                        && joined.take(lines, in, reason)) {
                    continue;
                }
                if (reason == null && (reason = limits.sampleProblem(channel, fields)) != null) {
                    outOfRange.addAll(fields, width);
                }
                long rows = reason == null || lines.blank ? 1 : ZeroedBlock.samples(in, cap - values.size() / width);
                if (reason != null) {
                    reject(lines, in, ZeroedBlock.reason(in, rows, reason));
                }
                for (long r = 0; r < rows; r++) {
                    for (int c = 0; c < width; c++) {
                        values.add(reason == null ? fields[c] : Double.NaN);
                    }
                }
            }
            joined.finish();
        } catch (IOException e) {
            joined.finish();
            readError(e, in);
        }
        rejected += joined.rejected();
        if (read == 0 || values.size() == 0) {
            return noSamples("no samples after the header rows");
        }
        return joined.channel();
    }

    private E4Channel readIbi(LineSource in) throws IOException {
        String startRow = in.next();
        if (startRow == null) {
            return noSamples("no samples: the file is empty");
        }
        double start = JoinedExports.ibiHeader(startRow);
        if (Double.isNaN(start)) {
            String why = ZeroedBlock.headerReason(in, "expected '<start unix seconds>, IBI'");
            return wholeFile(in, 1, "invalid header row 1: " + why, startRow, 0);
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
        double shift = 0; // s from the file's start to that of the export joined at line shiftLine
        long shiftLine = 0;
        DataLines lines = new DataLines(in, cap, fields);
        try {
            while (lines.next()) {
                if (read == cap) {
                    stopAtCap(lines.number, E4Limits.MAX_IBI_BEATS_PER_SECOND + " beats/s");
                    break;
                }
                read++;
                String reason = ZeroedBlock.beatsReason(in, lineProblem(lines, in, 2));
                double start2 = reason == null || lines.blank ? Double.NaN : JoinedExports.ibiHeader(in.text());
                if (!Double.isNaN(start2) && limits.startProblem(start2) == null) {
                    shift = start2 - start;
                    shiftLine = lines.number;
                    // the first export's last beat stands: a beat of the next one that overlaps it
                    // is rejected, as overlapping samples are in the other channels
                    order.finish();
                    reject(
                            lines,
                            in,
                            "second E4 header (start " + JoinedExports.time(start2)
                                    + "): the file holds two exports joined; the beat offsets after it are shifted by "
                                    + E4Limits.num(shift) + " s to their own start time");
                    continue;
                }
                double offset = shiftLine == 0 ? fields[0] : fields[0] + shift;
                String note = shiftLine == 0
                        ? ""
                        : " (offset " + E4Limits.num(fields[0]) + " s in the export joined at line " + shiftLine + ")";
                if (reason == null) {
                    reason = limits.beatProblem(offset, fields[1]);
                    if (reason != null) {
                        reason += note;
                    }
                }
                if (reason != null) {
                    reject(lines, in, reason);
                    continue;
                }
                BeatOrder.Rejected out = order.offer(offset, fields[1], lines.number, in.text(), note);
                if (out != null) {
                    rejected++;
                    rejects.add(new Reject(sessionId, sourceFile, out.line(), out.reason(), E4Row.safeRaw(out.raw())));
                }
            }
        } catch (IOException e) {
            readError(e, in);
        }
        order.finish();
        // a beat rejected when the line after it came is listed at its own line
        rejects.subList(firstReject, rejects.size()).sort(java.util.Comparator.comparingLong(r -> r.line));
        if (read == 0) {
            return noSamples(
                    "no beats after the header row (the E4 writes an IBI.csv without beats when it found no clean beat, e.g. with much movement): heart rate comes from the pulse wave");
        }
        return E4Channel.wrap(Channel.IBI, Math.round(start * 1000.0), 0, intervals.toArray(), offsets.toArray());
    }

    /**
     * Why the data line {@code lines} is on is rejected (null when fine; a row read while it was
     * found is); fills {@link #fields}. Only a line read slowly can lack its line end ({@link CutLastLine}).
     */
    private String lineProblem(DataLines lines, LineSource in, int width) {
        String reason = lines.parsed ? null : lines.blank ? "empty line" : row.dataProblem(in, width);
        if (reason == null && (lines.parsed || (reason = cut.problem(in)) == null)) {
            cut.accepted(in);
        }
        return reason;
    }

    /**
     * Parses a header row of {@code fields.length} equal positive numbers (IBI excluded); NaN with
     * {@link #error} set when it is not one.
     */
    private double header(LineSource in, String text, String what) {
        String reason = row.headerProblem(text);
        if (reason != null) {
            error = "invalid header " + what + ": " + ZeroedBlock.headerReason(in, reason) + E4Row.localeHint(text);
            return Double.NaN;
        }
        return fields[0];
    }

    /**
     * Rejects the whole file at header line {@code line}, then counts the data lines after
     * {@code skipRows} more header rows as rejected (up to the duration cap at the highest
     * plausible rate; the rest then counts as one record, as does an I/O error).
     */
    private E4Channel wholeFile(LineSource in, long line, String reason, String raw, int skipRows) {
        rejects.add(new Reject(sessionId, sourceFile, line, reason, E4Row.safeRaw(raw)));
        try {
            for (int i = 0; i < skipRows; i++) {
                if (!in.advance()) {
                    return null;
                }
            }
        } catch (IOException e) {
            readError(e, in);
            return null;
        }
        long cap = channel == Channel.IBI ? limits.maxIbiLines() : limits.maxSamples(limits.maxRateHz(channel));
        DataLines lines = new DataLines(in, cap);
        try {
            while (lines.next()) {
                if (read == cap) {
                    unread = true;
                    break;
                }
                read++;
                rejected++;
            }
        } catch (IOException e) {
            readError(e, in);
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
    private void readError(IOException e, LineSource in) {
        unread = true;
        long line = in.lineCount() + 1;
        String reason = ReadErrors.reason(e, gzip, line);
        rejects.add(new Reject(sessionId, sourceFile, line, reason, null));
    }

    /** Rejects the data line {@code lines} is on: the only place a data line becomes a String. */
    private void reject(DataLines lines, LineSource in, String reason) {
        rejected++;
        String raw = E4Row.safeRaw(lines.blank ? "" : in.text());
        rejects.add(new Reject(sessionId, sourceFile, lines.number, reason, raw));
    }
}
