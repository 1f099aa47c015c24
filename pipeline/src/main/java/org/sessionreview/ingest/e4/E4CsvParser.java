package org.sessionreview.ingest.e4;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/**
 * Parses one E4 channel file from a reader (plain or already decompressed).
 *
 * <p>Layout (Empatica E4 "info.txt"): regular channels have row 1 = start time as unix seconds
 * (one per column for ACC, all equal), row 2 = rate in Hz (one per column), then one sample per
 * line. IBI.csv has row 1 = {@code <start>, IBI}, then {@code offset_s,ibi_s} lines.
 *
 * <p>Checks, each giving a {@link Reject} with the 1-based line and a reason: column count,
 * non-numeric or non-finite values, empty lines inside the data; for IBI also interval <= 0,
 * negative offset and a beat not after the previous one. A missing or invalid header row rejects
 * the whole file (see {@link E4FileReport}). An I/O error while reading keeps what was read and
 * adds a reject at the line that could not be read.
 */
public final class E4CsvParser {
    private final Channel channel;
    private final String sessionId;
    private final String sourceFile;
    private final List<Reject> rejects = new ArrayList<>();
    private final double[] fields;
    private long lineNo;
    private long read;
    private long rejected;
    private String error;

    private E4CsvParser(Channel channel, String sessionId, String sourceFile) {
        this.channel = channel;
        this.sessionId = sessionId;
        this.sourceFile = sourceFile;
        this.fields = new double[channel == Channel.IBI ? 2 : channel.width()];
    }

    /** The parsed channel (null when the file was rejected as a whole) and the file report. */
    public record Result(E4Channel data, E4FileReport report) {}

    /**
     * Parses a channel file.
     *
     * @param channel which channel the file holds (decides the layout and the width)
     * @param in the file's text, positioned at line 1
     * @param sessionId carried into each {@link Reject}
     * @param sourceFile the file name carried into each {@link Reject}
     */
    public static Result parse(Channel channel, BufferedReader in, String sessionId, String sourceFile) {
        E4CsvParser p = new E4CsvParser(channel, sessionId, sourceFile);
        E4Channel data = p.run(in);
        E4FileReport report = new E4FileReport(
                channel, null, sourceFile, p.read, p.rejected, data == null, p.rejects);
        return new Result(data, report);
    }

    private E4Channel run(BufferedReader in) {
        try {
            return channel == Channel.IBI ? readIbi(in) : readRegular(in);
        } catch (IOException e) {
            // Only the header rows can get here: the data loops catch their own errors.
            fileProblem(lineNo + 1, "read error: " + e.getMessage(), null);
            return null;
        }
    }

    private E4Channel readRegular(BufferedReader in) throws IOException {
        int width = channel.width();
        String startRow = nextLine(in);
        if (startRow == null) {
            return wholeFile(in, 1, "missing header row 1 (start time, unix seconds)", null);
        }
        double start = header(startRow, "row 1 (start time, unix seconds)");
        if (Double.isNaN(start)) {
            return wholeFile(in, 1, error, startRow);
        }
        String rateRow = nextLine(in);
        if (rateRow == null) {
            return wholeFile(in, 2, "missing header row 2 (sample rate, Hz)", null);
        }
        double rate = header(rateRow, "row 2 (sample rate, Hz)");
        if (Double.isNaN(rate)) {
            return wholeFile(in, 2, error, rateRow);
        }
        DoubleList values = new DoubleList(1 << 16);
        DataLines lines = new DataLines(in);
        String line;
        while ((line = lines.next()) != null) {
            read++;
            String reason = line.isBlank() ? "empty line" : parseFields(line, width);
            if (reason != null) {
                reject(lines.number, reason, line);
            }
            for (int c = 0; c < width; c++) {
                values.add(reason == null ? fields[c] : Double.NaN);
            }
        }
        return E4Channel.wrap(channel, Math.round(start * 1000.0), rate, values.toArray(), null);
    }

    private E4Channel readIbi(BufferedReader in) throws IOException {
        String startRow = nextLine(in);
        if (startRow == null) {
            return wholeFile(in, 1, "missing header row 1 (start time, IBI)", null);
        }
        int comma = startRow.indexOf(',');
        double start = comma < 0 ? Double.NaN : FastDecimal.parse(startRow, 0, comma);
        String label = comma < 0 ? "" : startRow.substring(comma + 1).trim();
        if (!(start > 0) || Double.isInfinite(start) || !label.equalsIgnoreCase("IBI")) {
            return wholeFile(in, 1, "invalid header row 1: expected '<start unix seconds>, IBI'",
                    startRow);
        }
        DoubleList offsets = new DoubleList(4096);
        DoubleList intervals = new DoubleList(4096);
        double previous = Double.NEGATIVE_INFINITY;
        DataLines lines = new DataLines(in);
        String line;
        while ((line = lines.next()) != null) {
            read++;
            String reason = line.isBlank() ? "empty line" : parseFields(line, 2);
            if (reason == null) {
                reason = ibiProblem(fields[0], fields[1], previous);
            }
            if (reason != null) {
                reject(lines.number, reason, line);
                continue;
            }
            previous = fields[0];
            offsets.add(fields[0]);
            intervals.add(fields[1]);
        }
        return E4Channel.wrap(Channel.IBI, Math.round(start * 1000.0), 0, intervals.toArray(),
                offsets.toArray());
    }

    private static String ibiProblem(double offset, double ibi, double previous) {
        if (offset < 0) {
            return "negative beat offset " + offset + " s";
        }
        if (!(ibi > 0)) {
            return (ibi < 0 ? "negative" : "zero") + " IBI " + ibi + " s";
        }
        if (offset <= previous) {
            return "beat at " + offset + " s is not after the previous beat at " + previous + " s";
        }
        return null;
    }

    /**
     * Parses a header row of {@code fields.length} equal positive numbers (IBI excluded); NaN with
     * {@link #error} set when it is not one.
     */
    private double header(String row, String what) {
        String reason = parseFields(row, fields.length);
        if (reason != null) {
            error = "invalid header " + what + ": " + reason;
            return Double.NaN;
        }
        for (double f : fields) {
            if (!(f > 0) || f != fields[0]) {
                error = "invalid header " + what + ": expected " + fields.length
                        + " equal positive numbers, got '" + row.trim() + "'";
                return Double.NaN;
            }
        }
        return fields[0];
    }

    /** Splits on commas into {@link #fields}; null when fine, else the reason. */
    private String parseFields(String line, int expected) {
        int count = 0;
        int from = 0;
        while (true) {
            int comma = line.indexOf(',', from);
            int to = comma < 0 ? line.length() : comma;
            if (count < expected) {
                double v = FastDecimal.parse(line, from, to);
                if (Double.isNaN(v)) {
                    return "non-numeric value '" + line.substring(from, to).trim() + "' in column "
                            + (count + 1);
                }
                if (Double.isInfinite(v)) {
                    return "non-finite value '" + line.substring(from, to).trim() + "' in column "
                            + (count + 1);
                }
                fields[count] = v;
            }
            count++;
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        return count == expected ? null : "expected " + expected + " columns, got " + count;
    }

    /** Rejects the whole file at header line {@code line}; counts the data lines left as rejected. */
    private E4Channel wholeFile(BufferedReader in, long line, String reason, String raw) {
        fileProblem(line, reason, raw);
        try {
            if (channel != Channel.IBI && line == 1 && nextLine(in) == null) {
                return null; // the rate row is not a data line
            }
            DataLines lines = new DataLines(in);
            while (lines.next() != null) {
                read++;
                rejected++;
            }
        } catch (IOException e) {
            // The file is rejected already; the count stays at what could be read.
        }
        return null;
    }

    /** A problem with the file rather than with one record: listed, not counted as a record. */
    private void fileProblem(long line, String reason, String raw) {
        rejects.add(new Reject(sessionId, sourceFile, line, reason, raw));
    }

    private void reject(long line, String reason, String raw) {
        rejected++;
        rejects.add(new Reject(sessionId, sourceFile, line, reason, raw));
    }

    private String nextLine(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line != null) {
            lineNo++;
        }
        return line;
    }

    /**
     * Data lines with their 1-based numbers. A run of blank lines is returned (as data lines to
     * reject) only when a non-blank line follows it, so blank lines at the end are ignored. An
     * I/O error ends the data with a file-level reject at the line that could not be read.
     */
    private final class DataLines {
        private final BufferedReader in;
        private final ArrayDeque<String> lookahead = new ArrayDeque<>();
        /** Number of the line last returned by {@link #next()}. */
        long number;

        DataLines(BufferedReader in) {
            this.in = in;
        }

        String next() {
            if (!lookahead.isEmpty()) {
                number++;
                return lookahead.poll();
            }
            try {
                String line = in.readLine();
                if (line == null) {
                    return null;
                }
                lineNo++;
                number = lineNo;
                if (!line.isBlank()) {
                    return line;
                }
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    lookahead.add(line);
                    if (!line.isBlank()) {
                        return "";
                    }
                }
                lookahead.clear();
                return null;
            } catch (IOException e) {
                lookahead.clear();
                fileProblem(lineNo + 1, "read error: " + e.getMessage(), null);
                return null;
            }
        }
    }
}
