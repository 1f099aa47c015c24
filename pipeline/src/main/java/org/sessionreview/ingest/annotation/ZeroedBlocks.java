package org.sessionreview.ingest.annotation;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of NUL bytes in a line-based coding file (JSON Lines, CSV, BORIS and ELAN tab exports,
 * DyadSync tables): a disk block zeroed by a power loss or a crashed copy, not aligned to lines.
 * Such a run and the pieces of the lines it cut into form one physical line (a NUL byte is no line
 * end), which read as a row gave a misleading reason ("label maps to no canonical code", "not valid
 * JSON") and counted as one record the events of every line the block wiped out.
 *
 * <p>{@link #blank} replaces each physical line holding a run of at least {@value #MIN_RUN} NUL
 * bytes by an empty line (its line end kept, so every later line keeps its number; a blank line
 * is no record in these formats) and describes it: its line, the run's length and about how many
 * lines of the file's mean length it held. Text in a 16-bit encoding (any zero byte outside such
 * runs: UTF-16 holds one in most characters) is left alone, as are files of other formats (XML,
 * JSON projects).
 */
final class ZeroedBlocks {
    /** How a block's reason ends: the file is read around it. */
    static final String READ_ON = "; the lines before and after it are read";

    /** Shortest run taken for a zeroed block: 16 bytes (a disk sector is 512; text holds no NUL). */
    static final int MIN_RUN = 16;

    /** One blanked line: its 1-based number and the reason for its reject row. */
    record Block(long line, String reason) {}

    /** The bytes with each damaged line blanked, and the blocks found (empty: {@code bytes} as given). */
    record Result(byte[] bytes, List<Block> blocks) {}

    private ZeroedBlocks() {}

    static Result blank(byte[] b) {
        List<int[]> runs = new ArrayList<>(); // {start, end} of each long run
        long nuls = 0;
        for (int i = 0; i < b.length; ) {
            if (b[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < b.length && b[j] == 0) {
                j++;
            }
            if (j - i < MIN_RUN) {
                return new Result(b, List.of()); // a short run: 16-bit text, or binary; not ours
            }
            runs.add(new int[] {i, j});
            nuls += j - i;
            i = j;
        }
        if (runs.isEmpty()) {
            return new Result(b, List.of());
        }
        long lineEnds = 0;
        for (int i = 0; i < b.length; i++) {
            lineEnds += b[i] == '\n' || (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) ? 1 : 0;
        }
        // mean bytes per line (line end included) of the text outside the runs
        double mean = (b.length - nuls) / (double) Math.max(1, lineEnds);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length);
        List<Block> blocks = new ArrayList<>();
        int copied = 0;
        long line = 1;
        int scanned = 0;
        for (int k = 0; k < runs.size(); k++) {
            int from = runs.get(k)[0];
            if (from < copied) {
                continue; // in a line already blanked
            }
            int lineStart = from;
            while (lineStart > copied && b[lineStart - 1] != '\n' && b[lineStart - 1] != '\r') {
                lineStart--;
            }
            int lineEnd = runs.get(k)[1];
            long runBytes = 0;
            while (lineEnd < b.length && b[lineEnd] != '\n' && b[lineEnd] != '\r') {
                lineEnd++;
            }
            for (int[] r : runs) {
                if (r[0] >= lineStart && r[1] <= lineEnd) {
                    runBytes += r[1] - r[0];
                }
            }
            for (int i = scanned; i < lineStart; i++) {
                // LF, CRLF and CR each end a line
                line += b[i] == '\n' || (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) ? 1 : 0;
            }
            scanned = lineStart;
            out.write(b, copied, lineStart - copied);
            copied = lineEnd;
            long lost = Math.max(1, Math.round((lineEnd - lineStart) / mean));
            blocks.add(new Block(
                    line,
                    "a run of " + runBytes + " NUL bytes (a zeroed disk block?) where about " + lost
                            + (lost == 1 ? " line was" : " lines were") + " (from the file's mean line length):"
                            + " the coded events there are lost"
                            + READ_ON));
        }
        out.write(b, copied, b.length - copied);
        return new Result(out.toByteArray(), List.copyOf(blocks));
    }
}
