package org.sessionreview.ingest.annotation.boris;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionreview.ingest.annotation.DelimitedTable;
import org.sessionreview.ingest.annotation.RecordFields;

/**
 * The header row of a BORIS table export: column positions by name (case-insensitive), the
 * modifier columns, and the rules for subjects and modifier values. Package-private.
 *
 * <p>Modifiers: columns {@code Modifier #n} (BORIS 8+) or {@code Modifier n} (BORIS 7 tabular
 * events) give key {@code modifier_n}; a legacy
 * {@code Modifiers} column holds the values of all modifier sets joined by {@code |} and gives
 * {@code modifier_1}, {@code modifier_2}, ... by position. The value {@code None} (a modifier set
 * exists but nothing was chosen) and empty values are dropped from the modifiers but kept in the
 * pairing key.
 */
final class BorisHeader {
    /**
     * {@code Modifier #1} (BORIS 8+) or {@code Modifier 1} (BORIS 7 tabular events); at most 9
     * digits, an int (a longer number is damage, and the column is read as an ordinary one).
     */
    private static final Pattern MODIFIER_N = Pattern.compile("modifier\\s*#?\\s*(\\d{1,9})");

    private final Map<String, Integer> columns = new HashMap<>();
    private final List<int[]> modifierColumns = new ArrayList<>(); // {column, n}
    private final int legacyModifiers;
    final long line;
    /** The header's number of cells. */
    final int width;

    BorisHeader(DelimitedTable.Row row) {
        this.line = row.line();
        this.width = row.cells().size();
        for (int i = 0; i < row.cells().size(); i++) {
            String name = row.cell(i).trim().toLowerCase(Locale.ROOT);
            columns.putIfAbsent(name, i);
            Matcher m = MODIFIER_N.matcher(name);
            if (m.matches()) {
                modifierColumns.add(new int[] {i, Integer.parseInt(m.group(1))});
            }
        }
        legacyModifiers = columns.getOrDefault("modifiers", -1);
    }

    boolean has(String name) {
        return columns.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The cell of column {@code name} in {@code row}, trimmed; "" when the column is absent. */
    String get(DelimitedTable.Row row, String name) {
        Integer i = columns.get(name.toLowerCase(Locale.ROOT));
        return i == null ? "" : row.cell(i).trim();
    }

    /** The subject, or null for BORIS's "No focal subject" (empty in tabular exports). */
    String subject(DelimitedTable.Row row) {
        String s = get(row, "Subject");
        return s.isEmpty() || s.equalsIgnoreCase("No focal subject") ? null : s;
    }

    /** The modifier values as written, joined by {@code |}: the pairing key part. */
    String pairingModifiers(DelimitedTable.Row row) {
        List<String> parts = new ArrayList<>();
        for (int[] c : modifierColumns) {
            parts.add(row.cell(c[0]).trim());
        }
        if (legacyModifiers >= 0) {
            parts.add(row.cell(legacyModifiers).trim());
        }
        return String.join("|", parts).replaceAll("\\|+$", "");
    }

    /** Modifier key to value, without {@code None}, empty and NA values. */
    SortedMap<String, String> modifiers(DelimitedTable.Row row) {
        SortedMap<String, String> out = new TreeMap<>();
        for (int[] c : modifierColumns) {
            put(out, "modifier_" + c[1], row.cell(c[0]));
        }
        if (legacyModifiers >= 0) {
            String[] values = row.cell(legacyModifiers).split("\\|", -1);
            for (int i = 0; i < values.length; i++) {
                put(out, "modifier_" + (i + 1), values[i]);
            }
        }
        return out;
    }

    static void put(SortedMap<String, String> out, String key, String value) {
        String v = value == null ? "" : value.trim();
        if (!RecordFields.isMissing(v) && !v.equals("None")) {
            out.put(key, v);
        }
    }

    /** The comment cells (notes), joined; null when all are empty. */
    String note(DelimitedTable.Row row, String... names) {
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            String v = get(row, n);
            if (!RecordFields.isMissing(v)) {
                parts.add(v);
            }
        }
        return parts.isEmpty() ? null : String.join(" | ", parts);
    }
}
