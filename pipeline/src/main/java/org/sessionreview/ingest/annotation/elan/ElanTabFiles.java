package org.sessionreview.ingest.annotation.elan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sessionreview.ingest.annotation.DelimitedTable;
import org.sessionreview.ingest.annotation.SessionIdKey;

/**
 * Which rows of an ELAN multi-file tab export belong to the session being read. ELAN's
 * "Export &gt; Tab-delimited Text" of several files at once appends a file name column, a file
 * path column or both to each row, or writes the name and path in a row of their own ({@code
 * "#p01.eaf"}) before each file's rows (ELAN source {@code exportTiersFromFiles}; DOMAIN.md 1.2),
 * so one export can hold a whole corpus of sessions. As for a
 * BORIS file of several observations, only the rows of the {@code .eaf} named after the session's
 * {@code session_id} (compared by {@link SessionIdKey}, without its extension) are read; every
 * other file's rows are one rejected record at its first row, its rows counted; when no file has
 * the session's name none is read (merging sessions would invent ruptures and missed
 * opportunities; thirteenth audit: another session's six events were read into this one). An
 * export of one file is read whatever its name. File names are compared only, never written.
 * The "Separate column for each tier" layout's multi-file export ({@code
 * exportTiersColumnPerTierFromFiles}) is split the same way ({@link ElanTabColumns#fileColumns}).
 */
final class ElanTabFiles {
    private final Map<Long, String> fileOfLine = new HashMap<>();
    private final List<String> files = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    /**
     * @param rows all the export's rows (blank and {@code #} header rows are passed over here)
     * @param valueColumn the annotation value's column; the file columns come after it
     * @param sessionId the session being read; null when not known (every row is read)
     */
    ElanTabFiles(List<DelimitedTable.Row> rows, int valueColumn, String sessionId) {
        this(rows, r -> fileColumn(r.cells(), valueColumn), sessionId);
    }

    /**
     * @param rows the export's data rows and file lines (blank and {@code #} header rows are passed over)
     * @param fileOfRow the file a data row names in a column of its own, or null
     * @param sessionId the session being read; null when not known (every row is read)
     */
    ElanTabFiles(
            List<DelimitedTable.Row> rows,
            java.util.function.Function<DelimitedTable.Row, String> fileOfRow,
            String sessionId) {
        String inRow = null; // "file name in a row": the file of the rows below
        for (DelimitedTable.Row r : rows) {
            String named = fileLine(r);
            if (named != null) {
                inRow = named;
                continue;
            }
            if (ElanTabParser.isSkipped(r)) {
                continue;
            }
            String name = fileOfRow.apply(r);
            if (name == null) {
                name = inRow;
            }
            if (name == null) {
                fileOfLine.clear();
                files.clear();
                return; // not a multi-file export: a row of no file
            }
            fileOfLine.put(r.line(), name);
            if (!files.contains(name)) {
                files.add(name);
            }
        }
        String session = sessionId == null ? "" : SessionIdKey.of(sessionId);
        if (files.size() <= 1 || session.isEmpty()) {
            read.addAll(files);
            return;
        }
        for (String f : files) {
            if (SessionIdKey.of(f.substring(0, f.length() - ".eaf".length())).equals(session)) {
                read.add(f);
            }
        }
    }

    /**
     * The file of each data row (in the order of {@link ElanTabParser#dataRows}), before the
     * numeric columns are settled: as the constructor tells them, the {@code .eaf} name or path of
     * a row's last cell after its value ({@code valueColumn}, the first row's reading), or of the
     * last "file name in a row" line above it; every key "" unless every data row names a file (a
     * value that merely ends in {@code .eaf} is no file; review of 2026-12-07).
     */
    static List<String> fileKeys(List<DelimitedTable.Row> rows, int valueColumn) {
        List<String> keys = new ArrayList<>();
        String inRow = null;
        boolean all = true;
        for (DelimitedTable.Row r : rows) {
            String named = fileLine(r);
            if (named != null) {
                inRow = named;
            } else if (!ElanTabParser.isSkipped(r)) {
                String name = fileColumn(r.cells(), valueColumn);
                name = name == null ? inRow : name;
                all &= name != null;
                keys.add(name == null ? "" : name);
            }
        }
        return all ? keys : java.util.Collections.nCopies(keys.size(), "");
    }

    /**
     * The file a "file name in a row" line names, by its name without the folder; else null. The
     * one-row-per-annotation export writes {@code "#p01.eaf"} and {@code "#<path>"} in quotes; the
     * "Separate column for each tier" export writes the name and the path bare ({@code p01.eaf},
     * quoted in its CSV variant), each a line of one cell, which no data row is.
     */
    static String fileLine(DelimitedTable.Row r) {
        if (r.cells().size() != 1) {
            return null;
        }
        String c = r.cell(0).trim();
        if (c.startsWith("\"") && c.endsWith("\"") && c.length() > 2) {
            c = c.substring(1, c.length() - 1);
        }
        return eafName(c.startsWith("#") ? c.substring(1) : c);
    }

    /**
     * The file of a row that ends, after the value, in an {@code .eaf} name, its path, or both (the
     * export's "file name" and "file path" options), by its name without the folder; else null.
     */
    private static String fileColumn(List<String> cells, int valueColumn) {
        return cells.size() < valueColumn + 2 ? null : eafName(cells.get(cells.size() - 1));
    }

    /** The last segment of a name or path ending in {@code .eaf}; else null. */
    static String eafName(String cell) {
        String c = cell.trim();
        String name = c.substring(Math.max(c.lastIndexOf('/'), c.lastIndexOf('\\')) + 1);
        return name.toLowerCase(Locale.ROOT).endsWith(".eaf") && name.length() > 4 ? name : null;
    }

    /** Whether the row at this line is read (rows of a file not read are not). */
    boolean reads(long line) {
        String f = fileOfLine.get(line);
        return f == null || read.contains(f);
    }

    /**
     * One reject per file not read: its first row's line and the reason, counting its rows.
     *
     * @return line -&gt; reason, in file order
     */
    Map<Long, String> skipped() {
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i);
            if (read.contains(f)) {
                continue;
            }
            long first = Long.MAX_VALUE;
            int rows = 0;
            for (Map.Entry<Long, String> e : fileOfLine.entrySet()) {
                if (e.getValue().equals(f)) {
                    first = Math.min(first, e.getKey());
                    rows++;
                }
            }
            String which = "file " + (i + 1) + " of " + files.size() + " of a multi-file ELAN export (" + rows
                    + (rows == 1 ? " row" : " rows") + ") not read: ";
            out.put(
                    first,
                    read.isEmpty()
                            ? which + "the export holds several .eaf files and none is named after this session's"
                                    + " id (name the session's .eaf after session_id, or export it alone)"
                            : which + "another file of the export is named after this session's id (a"
                                    + " multi-file export is read for the .eaf named after session_id)");
        }
        return out;
    }
}
