package org.sessionreview.ingest.e4;

import java.time.Instant;
import java.util.List;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/**
 * Two (or more) exports of one regular channel joined into one file ({@code cat EDA_a.csv
 * EDA_b.csv > EDA.csv}): a second header pair appears among the data lines. {@link E4CsvParser}
 * hands every data line of a regular channel to {@link #take}, which keeps back a line that may
 * be row 1 of a second header and decides on it with the next line.
 *
 * <p><b>A second header</b> is a data line whose columns are equal and a plausible start time
 * (unix seconds, above {@value #MIN_START_SECONDS} and {@link E4Limits#startProblem} silent: no
 * E4 sample comes near that), followed by a line whose columns are equal and a plausible rate
 * for the channel (Hz, {@link E4Limits#rateProblem}). Both lines are rejected (one reject each,
 * with the same reason). A start-like line not followed by a rate is an ordinary data line, as
 * before. Then, with {@code t = round((start2 - start) * rate)} the sample index of the new start
 * ({@code start}, {@code rate}: the file's header) and {@code k} the samples read so far:
 *
 * <ul>
 *   <li>same rate, {@code t >= k}: indices {@code k .. t-1} (the gap) are NaN, as a rejected
 *       line is, and the next sample is index {@code t}. The NaN are no records. When {@code t}
 *       reaches the duration cap ({@link E4Limits#maxSamples}), reading stops as at the cap;
 *   <li>same rate, {@code t < k}: the next {@code k - t} data lines fall on samples already read
 *       (or before the file's start) and are rejected, each counted as a rejected record but
 *       with ONE reject row for the stretch, at its first line, naming its lines and times (the
 *       convention of a whole-file reject, which counts every data line under one row); the
 *       lines after the stretch are samples {@code k, k+1, ...} again;
 *   <li>same rate, {@code t < 0} (the exports joined in the other order, the earlier one last):
 *       its lines are samples {@code t, t+1, ..., -1}, placed before the file's first sample (the
 *       channel then starts at the new start, with any gap up to the first export missing); lines
 *       beyond those fall on samples already read and are rejected as above. One such export per
 *       file, within the duration cap from its start; another is handled by the rule above;
 *   <li>another rate: every data line after the header is a rejected record, with no row of its
 *       own (the header's reason says so), as in a whole-file reject.
 * </ul>
 *
 * Any number of joins is handled the same way, each against the file's first header. After a
 * second header with another rate no further header is looked for. IBI.csv has its own, simpler
 * rule in {@link E4CsvParser} (its header is recognised by {@link #ibiHeader}).
 *
 * <p>Cost: an ordinary line costs one comparison in the parser ({@code fields[0] > 1e8}, see {@link
 * #busy}); Strings are made only for the kept-back line and the rejects.
 */
final class JoinedExports {
    /** Unix seconds (1973-03-03): a data value below this is never taken for a start time. */
    static final double MIN_START_SECONDS = 1e8;

    private final Channel channel;
    private final E4Limits limits;
    /** The file's start time, unix seconds. */
    private final double start;
    /** The file's rate, Hz. */
    private final double rate;

    private final int width;
    /** The duration cap in values ({@code maxSamples(rate) * width}). */
    private final long capValues;

    private final DoubleList values;
    /** The numbers of the line just read (the parser's row). */
    private final double[] fields;

    private final List<Reject> rejects;
    private final String sessionId;
    private final String sourceFile;

    /** Data lines rejected here (header rows, overlap, rest of the file). */
    private long rejected;

    /** A start-like line is kept back: its number, raw text and values. */
    private boolean held;

    private long heldLine;
    private String heldRaw;
    private final double[] heldValues;

    /** Lines still to reject as overlapping, and the stretch so far. */
    private long overlapLeft;

    private long overlapIndex;
    private long overlapEnd;
    private long overlapFirstLine;
    private long overlapLines;

    /**
     * The samples of an export that starts before the file's first sample (the exports joined in
     * the wrong order), at sample indices {@code beforeIndex ...}; null when there is none.
     */
    private DoubleList before;

    private long beforeIndex;
    /** Samples of that export still to come before the file's first sample. */
    private long beforeRoom;

    /** A second header started past the duration cap: the next line stops reading. */
    private boolean capped;
    /** A second header with another rate: the rest of the file is rejected. */
    private boolean restRejected;
    /** A gap was filled: the samples run ahead of the lines read, so the cap needs {@link #full}. */
    private boolean shifted;

    /**
     * @param start the file's start time, unix seconds
     * @param rate the file's rate, Hz
     * @param capSamples the duration cap, samples
     * @param fields where the parser puts the numbers of each data line
     */
    JoinedExports(
            Channel channel,
            E4Limits limits,
            double start,
            double rate,
            long capSamples,
            DoubleList values,
            double[] fields,
            List<Reject> rejects,
            String sessionId,
            String sourceFile) {
        this.channel = channel;
        this.limits = limits;
        this.start = start;
        this.rate = rate;
        this.width = channel.width();
        this.capValues = capSamples * width;
        this.values = values;
        this.fields = fields;
        this.rejects = rejects;
        this.sessionId = sessionId;
        this.sourceFile = sourceFile;
        this.heldValues = new double[width];
    }

    /**
     * Whether the next line needs {@link #take} and the cap {@link #full} whatever it holds: a
     * line is kept back, an overlap or a rejected rest is under way, or a gap put the samples
     * ahead of the lines. Otherwise only a line whose first value exceeds {@link
     * #MIN_START_SECONDS} needs {@link #take}: the parser tests that itself, so an ordinary line
     * costs one comparison and no call.
     */
    boolean busy() {
        return busy;
    }

    /** {@link #busy()}, kept in a field that {@link #take} and {@link #finish} update. */
    private boolean busy;

    private boolean updateBusy(boolean result) {
        busy = held || overlapLeft > 0 || beforeRoom > 0 || restRejected || capped || shifted;
        return result;
    }

    /** Data lines rejected here, to add to the parser's count. */
    long rejected() {
        return rejected;
    }

    /**
     * True when the samples (with a kept-back line) reached the duration cap, or a second header
     * started past it: the caller stops reading at the current line.
     */
    boolean full() {
        return capped || values.size() + (held && overlapLeft == 0 ? width : 0) >= capValues;
    }

    /**
     * Takes the data line {@code lines} is on (read and counted by the caller; {@code reason} null
     * when it parsed into {@code fields}). False when it is an ordinary line for the caller to
     * add; a line kept back before it has then been added already.
     */
    boolean take(DataLines lines, LineSource in, String reason) {
        if (restRejected) {
            rejected++;
            return updateBusy(true);
        }
        if (held) {
            held = false;
            if (reason == null && equalColumns() && limits.rateProblem(channel, fields[0]) == null) {
                header(lines.number, E4Row.safeRaw(in.text()));
                return updateBusy(true);
            }
            release();
        }
        if (reason == null
                && fields[0] > MIN_START_SECONDS
                && equalColumns()
                && limits.startProblem(fields[0]) == null) {
            held = true;
            heldLine = lines.number;
            heldRaw = E4Row.safeRaw(in.text());
            System.arraycopy(fields, 0, heldValues, 0, width);
            return updateBusy(true);
        }
        if (beforeRoom > 0) {
            reason = reason == null ? limits.sampleProblem(channel, fields) : reason;
            if (reason != null) {
                rejected++;
                rejects.add(new Reject(
                        sessionId, sourceFile, lines.number, reason, E4Row.safeRaw(lines.blank ? "" : in.text())));
            }
            addBefore(reason == null ? fields : null);
            return updateBusy(true);
        }
        if (overlapLeft > 0) {
            overlap(lines.number);
            return updateBusy(true);
        }
        return updateBusy(false);
    }

    /** One sample (NaN for {@code row} null) of the export before the file's first sample. */
    private void addBefore(double[] row) {
        for (int c = 0; c < width; c++) {
            before.add(row == null ? Double.NaN : row[c]);
        }
        if (--beforeRoom == 0) {
            // the rest of that export falls on the samples read first: an overlap
            overlapLeft = values.size() / width;
            overlapIndex = 0;
            overlapEnd = overlapLeft;
        }
    }

    /**
     * The channel read: the file's samples from its start, or, when an export joined after them
     * starts before them, that export's samples first (the gap to the file's first sample missing)
     * from its own start.
     */
    E4Channel channel() {
        if (before == null) {
            return E4Channel.wrap(channel, Math.round(start * 1000.0), rate, values.toArray(), null);
        }
        double[] early = before.toArray();
        double[] late = values.toArray();
        double[] all = new double[(int) (-beforeIndex * width) + late.length];
        java.util.Arrays.fill(all, early.length, (int) (-beforeIndex * width), Double.NaN);
        System.arraycopy(early, 0, all, 0, early.length);
        System.arraycopy(late, 0, all, (int) (-beforeIndex * width), late.length);
        return E4Channel.wrap(channel, Math.round((start + beforeIndex / rate) * 1000.0), rate, all, null);
    }

    /** At the end of reading (end of file, cap, I/O error): the kept-back line and the stretch. */
    void finish() {
        if (held) {
            held = false;
            release();
        }
        closeOverlap();
        updateBusy(true);
    }

    /** A kept-back line that was no header: a sample, or part of the overlap. */
    private void release() {
        if (beforeRoom > 0) {
            String reason = limits.sampleProblem(channel, heldValues);
            if (reason != null) {
                rejected++;
                rejects.add(new Reject(sessionId, sourceFile, heldLine, reason, heldRaw));
            }
            addBefore(reason == null ? heldValues : null);
            return;
        }
        if (overlapLeft > 0) {
            overlap(heldLine);
            return;
        }
        String reason = limits.sampleProblem(channel, heldValues);
        if (reason != null) {
            rejected++;
            rejects.add(new Reject(sessionId, sourceFile, heldLine, reason, heldRaw));
        }
        for (int c = 0; c < width; c++) {
            values.add(reason == null ? heldValues[c] : Double.NaN);
        }
    }

    private boolean equalColumns() {
        for (int c = 1; c < width; c++) {
            if (fields[c] != fields[0]) {
                return false;
            }
        }
        return true;
    }

    /** The kept-back line and line {@code rateLine} are a second header. */
    private void header(long rateLine, String rateRaw) {
        closeOverlap();
        overlapLeft = 0;
        beforeRoom = 0;
        double start2 = heldValues[0];
        double rate2 = fields[0];
        long k = values.size() / width;
        String then;
        if (rate2 != rate) {
            restRejected = true;
            then = "its rate differs from the file's " + E4Limits.num(rate) + " Hz: lines from " + (rateLine + 1)
                    + " on are rejected";
        } else {
            long t = Math.round((start2 - start) * rate);
            if (t * width >= capValues) {
                capped = true;
                then = "it starts " + E4Limits.num(t / rate) + " s after the file's start, past the "
                        + E4Limits.num(limits.maxDurationHours()) + " h limit";
            } else if (t >= k) {
                shifted |= t > k;
                for (long i = (t - k) * width; i > 0; i--) {
                    values.add(Double.NaN);
                }
                then = "the samples after it are placed at their own start time"
                        + (t == k
                                ? ", right after the earlier export"
                                : ", after a gap of " + E4Limits.num((t - k) / rate) + " s (" + (t - k)
                                        + " samples) left missing");
            } else if (t < 0 && before == null && -t * width + values.size() < capValues) {
                before = new DoubleList((int) Math.min(4096, -t * width));
                beforeIndex = t;
                beforeRoom = -t;
                then = "it starts " + E4Limits.num(-t / rate) + " s before the file's first sample (the exports were"
                        + " joined in the other order): its samples are placed at their own time, before the others,"
                        + " any gap to them left missing, and those that fall on samples already read are rejected";
            } else {
                overlapLeft = k - t;
                overlapIndex = t;
                overlapEnd = k;
                then = "its first " + (k - t) + " samples are not after the earlier export and are rejected";
            }
        }
        String reason = "second E4 header (start " + time(start2) + ", " + E4Limits.num(rate2)
                + " Hz): the file holds two exports joined; " + then;
        rejects.add(new Reject(sessionId, sourceFile, heldLine, reason, heldRaw));
        rejects.add(new Reject(sessionId, sourceFile, rateLine, reason, rateRaw));
        rejected += 2;
    }

    private void overlap(long line) {
        if (overlapLines == 0) {
            overlapFirstLine = line;
        }
        overlapLines++;
        rejected++;
        if (--overlapLeft == 0) {
            closeOverlap();
        }
    }

    /** The reject row of the overlapping stretch so far (none when it is empty). */
    private void closeOverlap() {
        if (overlapLines == 0) {
            return;
        }
        long last = overlapFirstLine + overlapLines - 1;
        String reason = "lines " + overlapFirstLine + "-" + last + " (" + overlapLines + " samples at "
                + time(start + overlapIndex / rate) + " to " + time(start + (overlapIndex + overlapLines - 1) / rate)
                + ") overlap the earlier export in this file, read up to " + time(start + (overlapEnd - 1) / rate)
                + ": rejected, one row for the " + overlapLines + " lines";
        rejects.add(new Reject(sessionId, sourceFile, overlapFirstLine, reason, null));
        overlapIndex += overlapLines;
        overlapLines = 0;
    }

    /** Unix seconds as an ISO-8601 instant to the millisecond. */
    static String time(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000.0)).toString();
    }

    /**
     * The start of an IBI header row {@code <start unix seconds>, IBI} (label in any case, spaces
     * and trailing commas around it ignored), NaN when the row is not one or its number is not positive and finite.
     */
    static double ibiHeader(String row) {
        int comma = row == null || row == LineSource.TOO_LONG ? -1 : row.indexOf(',');
        if (comma < 0) {
            return Double.NaN;
        }
        double start = FastDecimal.parse(row, 0, comma);
        if (!(start > 0) || Double.isInfinite(start)) {
            return Double.NaN;
        }
        // trailing empty fields ("IBI," after a spreadsheet's re-save) are no column, as in data rows
        String label = row.substring(comma + 1).replaceAll("[,\\s]+$", "").trim();
        return label.equalsIgnoreCase("IBI") ? start : Double.NaN;
    }
}
