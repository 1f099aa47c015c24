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
 * "Export &gt; Tab-delimited Text" of several files at once appends a file name and a file path
 * column to each row (DOMAIN.md 1.2), so one export can hold a whole corpus of sessions. As for a
 * BORIS file of several observations, only the rows of the {@code .eaf} named after the session's
 * {@code session_id} (compared by {@link SessionIdKey}, without its extension) are read; every
 * other file's rows are one rejected record at its first row, its rows counted; when no file has
 * the session's name none is read (merging sessions would invent ruptures and missed
 * opportunities; thirteenth audit: another session's six events were read into this one). An
 * export of one file is read whatever its name. File names are compared only, never written.
 */
final class ElanTabFiles {
    private final Map<Long, String> fileOfLine = new HashMap<>();
    private final List<String> files = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    /**
     * @param rows the export's data rows (blank and {@code #} header rows left out)
     * @param valueColumn the annotation value's column; the file columns come after it
     * @param sessionId the session being read; null when not known (every row is read)
     */
    ElanTabFiles(List<DelimitedTable.Row> rows, int valueColumn, String sessionId) {
        for (DelimitedTable.Row r : rows) {
            String name = fileName(r.cells(), valueColumn);
            if (name == null) {
                fileOfLine.clear();
                files.clear();
                return; // not a multi-file export: no file columns on every row
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
     * The file name of a row whose last two cells, after the value, are an {@code .eaf} name and
     * a path ending in it; else null.
     */
    private static String fileName(List<String> cells, int valueColumn) {
        int n = cells.size();
        if (n < valueColumn + 3) {
            return null;
        }
        String name = cells.get(n - 2).trim();
        String path = cells.get(n - 1).trim().toLowerCase(Locale.ROOT);
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".eaf") && lower.length() > 4 && path.endsWith(lower) ? name : null;
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
