package org.sessionreview.ingest.annotation.elan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sessionreview.ingest.annotation.DelimitedTable;
import org.sessionreview.ingest.annotation.InvalidRecordException;
import org.sessionreview.ingest.annotation.ParseSink;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.ingest.annotation.RecordFields;

/**
 * ELAN's tab-delimited export with "Separate column for each tier" (ELAN source {@code
 * Transcription2TabDelimitedText.exportTiersColumnPerTier}; DOMAIN.md 1.2). Package-private; {@link
 * ElanTabParser} hands such files here.
 *
 * <p>Layout: a header row whose time columns are labelled {@code <Begin Time> - <format>} (the
 * words depend on ELAN's language, so only the {@code " - "} is relied on), followed by one column
 * per tier named by the tier; then one row per interval: the times, and in each tier column the
 * value of that tier's annotation over the interval, or nothing. The time formats are sniffed from
 * the first data row as in the one-row-per-annotation mode ({@link ElanTabLayout#sniff}).
 *
 * <p>Records: one per annotation cell. ELAN splits an annotation into several rows when annotations
 * of dependent tiers subdivide it, repeating its value; so in each tier column, consecutive rows
 * with the same value whose intervals touch (one's end is the next one's begin) are joined into one
 * record at the first row's line. The tier name (the column header) is the actor hint, as in
 * {@link ElanParser}. A row whose times cannot be read is one rejected record; a row with no value
 * in any tier column is rejected as "empty annotation value". Records come out by line, then
 * column. The cells of a tier named significance or intensity are modifiers of the coded cell whose
 * interval contains them ({@link ElanTabModifiers}), not records, so the per-tier export gives the
 * same annotations as the {@code .eaf} and the one-row-per-annotation export. The cells of a tier
 * named as free text ({@link RecordFields#isFreeText}) are no codes: counted in one reject at line
 * 0, as {@link ElanTabParser} counts such rows.
 */
final class ElanTabColumns {
    private static final double TOUCH_S = 1e-6;

    private ElanTabColumns() {}

    /** The header row, its time layout and the index of the first tier column. */
    record Header(DelimitedTable.Row row, ElanTabLayout layout, int firstTierColumn) {}

    /** The header of a per-tier export, or empty when the table is no such export. */
    static Optional<Header> detect(DelimitedTable table) {
        List<DelimitedTable.Row> rows = table.rows().stream()
                .filter(r -> !ElanTabParser.isSkipped(r))
                .limit(2)
                .toList();
        if (rows.size() < 2 || ElanTabLayout.sniff(rows.get(0).cells()).isPresent()) {
            return Optional.empty();
        }
        DelimitedTable.Row header = rows.get(0);
        Optional<ElanTabLayout> sniffed = ElanTabLayout.sniff(rows.get(1).cells());
        if (sniffed.isEmpty() || sniffed.get().leadingColumns() != 0) {
            return Optional.empty();
        }
        int labelled = 0;
        while (labelled < header.cells().size() && header.cell(labelled).contains(" - ")) {
            labelled++;
        }
        int perGroup = sniffed.get().formats().size();
        int groups = Math.min(sniffed.get().groups(), labelled / perGroup);
        if (groups < 1 || header.cells().size() <= groups * perGroup) {
            return Optional.empty();
        }
        ElanTabLayout layout = new ElanTabLayout(0, sniffed.get().formats(), groups);
        if (groups == 2
                && header.cell(perGroup)
                        .trim()
                        .toLowerCase(java.util.Locale.ROOT)
                        .startsWith("duration")) {
            layout = layout.withDurationSecond(); // "Begin Time - ...", "Duration - ...": no end column
        }
        return Optional.of(new Header(header, layout, groups * perGroup));
    }

    /** An annotation being joined across rows. */
    private static final class Open {
        final long line;
        final int column;
        final double begin;
        final String value;
        double end;

        Open(long line, int column, double begin, double end, String value) {
            this.line = line;
            this.column = column;
            this.begin = begin;
            this.end = end;
            this.value = value;
        }
    }

    /**
     * The columns of a multi-file export's file name and path: ELAN appends two labelled columns
     * to the header (localised "File Name", "File Path", written whatever was ticked), and each row
     * holds its file's name, path, both or neither there. Of the header's last two columns (a tier
     * column left before them), those with an {@code .eaf} name or path in some row and nothing
     * else in any; empty when there are none (a one-file export, or "file name in a row", whose
     * empty columns give no records).
     */
    static java.util.Set<Integer> fileColumns(List<DelimitedTable.Row> rows, Header h) {
        int columns = h.row().cells().size();
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        for (int c = Math.max(h.firstTierColumn() + 1, columns - 2); c < columns; c++) {
            boolean named = false;
            boolean other = false;
            for (DelimitedTable.Row r : rows) {
                String v = r.cell(c).trim();
                if (!v.isEmpty() && !ElanTabParser.isSkipped(r)) {
                    boolean eaf = ElanTabFiles.eafName(v) != null;
                    named |= eaf;
                    other |= !eaf;
                }
            }
            if (named && !other) {
                out.add(c);
            }
        }
        return out;
    }

    static void parse(DelimitedTable table, Header h, ParseSink sink) {
        int columns = h.row().cells().size();
        List<DelimitedTable.Row> body = table.rows()
                .subList(table.rows().indexOf(h.row()) + 1, table.rows().size());
        // a multi-file export is read for the session's .eaf, as the one-row-per-annotation one is
        java.util.Set<Integer> fileColumns = fileColumns(body, h);
        ElanTabFiles files = new ElanTabFiles(
                body,
                r -> fileColumns.stream()
                        .map(c -> ElanTabFiles.eafName(r.cell(c)))
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null),
                sink.sessionId());
        files.skipped().forEach((line, reason) -> sink.reject(line, reason, null));
        Open[] open = new Open[columns];
        List<Open> done = new ArrayList<>();
        for (DelimitedTable.Row row : body) {
            if (ElanTabParser.isSkipped(row) || !files.reads(row.line())) {
                continue;
            }
            double[] t;
            try {
                t = ElanTabParser.times(h.layout(), row);
                for (int c = columns; c < row.cells().size(); c++) {
                    if (!row.cell(c).isBlank()) {
                        // a value under no tier's column: whose annotation it is is unknown
                        throw new InvalidRecordException(
                                "a value in column " + (c + 1) + ", beyond the header's " + columns + " columns");
                    }
                }
                boolean empty = true;
                for (int c = h.firstTierColumn(); c < row.cells().size(); c++) {
                    empty &= fileColumns.contains(c) || row.cell(c).isBlank();
                }
                if (empty) {
                    throw new InvalidRecordException("empty annotation value");
                }
            } catch (InvalidRecordException e) {
                sink.reject(row.line(), e.getMessage(), row.raw());
                continue;
            }
            for (int c = h.firstTierColumn(); c < columns; c++) {
                if (fileColumns.contains(c)) {
                    continue;
                }
                String v = row.cell(c).trim();
                Open o = open[c];
                if (o != null
                        && (v.isEmpty()
                                || !v.equals(o.value)
                                || Double.isNaN(o.end)
                                || Math.abs(o.end - t[0]) > TOUCH_S)) {
                    done.add(o);
                    open[c] = null;
                    o = null;
                }
                if (v.isEmpty()) {
                    continue;
                }
                if (o == null) {
                    open[c] = new Open(row.line(), c, t[0], t[1], v);
                } else {
                    o.end = t[1];
                }
            }
        }
        for (Open o : open) {
            if (o != null) {
                done.add(o);
            }
        }
        done.sort(Comparator.comparingLong((Open o) -> o.line).thenComparingInt(o -> o.column));
        // a significance or intensity tier's cells modify the coded cell containing them, as the
        // rows of such a tier do in the one-row-per-annotation export (ElanTabModifiers)
        List<ElanTabModifiers.Coded> coded = new ArrayList<>();
        List<ElanTabModifiers.Modifier> modifiers = new ArrayList<>();
        java.util.Map<Open, ElanTabModifiers.Coded> codedOf = new java.util.IdentityHashMap<>();
        java.util.Set<Integer> freeTextColumns = new java.util.HashSet<>();
        FreeTextTiers free = new FreeTextTiers();
        for (Open o : done) {
            String tier = h.row().cell(o.column).trim();
            if (RecordFields.isFreeText(tier)) {
                // a note or transcript tier: no codes, counted in one line-0 note (as the .eaf's)
                freeTextColumns.add(o.column);
                free.add(o.column, o.value);
                continue;
            }
            double end = Double.isNaN(o.end) ? o.begin : o.end;
            String key = ElanTabModifiers.key(tier);
            if (key != null) {
                modifiers.add(new ElanTabModifiers.Modifier(o.line, key, o.value, o.begin, end, tier, null));
                continue;
            }
            Double recordEnd =
                    Double.isNaN(o.end) || o.end - o.begin < ElanParser.POINT_MAX_DURATION_MS / 1000.0 ? null : o.end;
            ElanTabModifiers.Coded c = new ElanTabModifiers.Coded(
                    RawAnnotation.builder(sink.sourceFile(), o.line)
                            .times(o.begin, recordEnd)
                            .label(o.value)
                            .labelSource("a tier column")
                            .actorHint(tier)
                            .altActorHints(ElanParser.actorAlternatives(tier, null))
                            .actorSource(RawAnnotation.TIER),
                    o.begin,
                    end,
                    tier,
                    null);
            coded.add(c);
            codedOf.put(o, c);
        }
        java.util.Set<ElanTabModifiers.Modifier> orphans =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        orphans.addAll(ElanTabModifiers.attach(modifiers, coded));
        int m = 0;
        for (Open o : done) {
            ElanTabModifiers.Coded c = codedOf.get(o);
            if (c != null) {
                sink.accept(c.builder().build());
                continue;
            }
            if (freeTextColumns.contains(o.column)) {
                continue;
            }
            ElanTabModifiers.Modifier mod = modifiers.get(m++);
            if (orphans.contains(mod)) {
                sink.reject(
                        o.line,
                        "modifier cell (the column of a tier named " + mod.key()
                                + "): no one coded annotation of the file contains it",
                        null);
            }
        }
        free.reject(sink);
    }
}
