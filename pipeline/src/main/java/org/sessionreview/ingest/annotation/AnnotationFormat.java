package org.sessionreview.ingest.annotation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.sessionreview.ingest.annotation.boris.BorisLayout;
import org.sessionreview.ingest.annotation.boris.BorisParser;
import org.sessionreview.ingest.annotation.elan.ElanParser;
import org.sessionreview.ingest.annotation.elan.ElanTabParser;

/**
 * The annotation file formats the pipeline reads, and their detection from file name and content
 * ({@link #detect(String, String)}).
 */
public enum AnnotationFormat {
    /** The project's JSON Lines ({@code .jsonl}, {@code .ndjson}); {@link NativeAnnotationParser}. */
    NATIVE_JSONL(() -> new NativeAnnotationParser(NativeAnnotationParser.Layout.JSONL)),
    /** The project's CSV: a header naming {@code start} and {@code code}. */
    NATIVE_CSV(() -> new NativeAnnotationParser(NativeAnnotationParser.Layout.CSV)),
    /** ELAN {@code .eaf} XML; {@link ElanParser}. */
    ELAN_EAF(ElanParser::new),
    /** A BORIS table export (tabular, aggregated or legacy); {@link BorisParser}. */
    BORIS_EXPORT(BorisParser::new),
    /** A BORIS {@code .boris} project (JSON); {@link BorisParser}. */
    BORIS_PROJECT(BorisParser::new),
    /** ELAN's tab-delimited text export (no header; layout sniffed); {@link ElanTabParser}. */
    ELAN_TAB(ElanTabParser::new),
    /** A DyadSync-style table: {@code start;end;...;tipo} with mm:ss times; {@link DyadSyncParser}. */
    DYADSYNC(DyadSyncParser::new);

    private final Supplier<AnnotationParser> parser;

    AnnotationFormat(Supplier<AnnotationParser> parser) {
        this.parser = parser;
    }

    /** A parser for this format. */
    public AnnotationParser parser() {
        return parser.get();
    }

    /**
     * Detects the format of a file.
     *
     * <ol>
     *   <li>By name ({@code .gz} removed, any case): {@code .eaf} is ELAN, {@code .boris} a BORIS
     *       project, {@code .jsonl}/{@code .ndjson} native JSON Lines.
     *   <li>Otherwise by content: XML with {@code ANNOTATION_DOCUMENT} is ELAN; JSON with {@code
     *       behaviors_conf} or {@code observations} is a BORIS project, other JSON objects are
     *       native JSON Lines; a table whose first cell is {@code Observation id} is a BORIS export
     *       ({@link BorisParser#detectLayout}); a table whose header names {@code start} and {@code
     *       code}, or other names for them ({@link NativeFieldNames}), is native CSV; one naming {@code start}, {@code end} and {@code tipo} is DyadSync;
     *       a headerless table whose first row has ELAN time columns is an ELAN tab export ({@link
     *       ElanTabParser#looksLikeExport}).
     * </ol>
     *
     * @param fileName the file name (a path is fine)
     * @param text the decoded content (the whole file, or at least its first rows)
     * @return empty when no format matches
     */
    public static Optional<AnnotationFormat> detect(String fileName, String text) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".eaf")) {
            return Optional.of(ELAN_EAF);
        }
        if (name.endsWith(".boris")) {
            return Optional.of(BORIS_PROJECT);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(NATIVE_JSONL);
        }
        String t = text.stripLeading();
        if (t.startsWith("[")) {
            return Optional.of(NATIVE_JSONL); // a JSON array of event objects
        }
        if (t.startsWith("<")) {
            return t.contains("ANNOTATION_DOCUMENT") ? Optional.of(ELAN_EAF) : Optional.empty();
        }
        if (t.startsWith("{")) {
            return BorisParser.detectLayout(t)
                            .filter(l -> l == BorisLayout.PROJECT)
                            .isPresent()
                    ? Optional.of(BORIS_PROJECT)
                    : Optional.of(NATIVE_JSONL);
        }
        if (BorisParser.detectLayout(t).isPresent()) {
            return Optional.of(BORIS_EXPORT);
        }
        List<String> header = headerOf(t);
        if (NativeFieldNames.namesStartAndCode(header)) {
            return Optional.of(NATIVE_CSV);
        }
        if (DyadSyncParser.looksLikeHeader(header)) {
            return Optional.of(DYADSYNC);
        }
        if (ElanTabParser.looksLikeExport(t)) {
            return Optional.of(ELAN_TAB);
        }
        return Optional.empty();
    }

    /** A time as a native CSV writes {@code start}: seconds, {@code mm:ss[.fff]} or {@code hh:mm:ss[.fff]}. */
    private static final java.util.regex.Pattern TIME =
            java.util.regex.Pattern.compile("\\d+([.,]\\d+)?|(\\d+:)?\\d{1,2}:\\d{1,2}([.,]\\d+)?");

    private static final List<String> ACTORS = List.of("client", "therapist", "dyad");

    /**
     * Why a table without a header row is taken for a native CSV that lost its header, or null: its
     * first row starts with a time and holds an actor ({@code client}, {@code therapist} or {@code
     * dyad}) in the third column or later, after a cell that is no time, as a row of {@code
     * start,end,code,actor} or {@code start,code,actor} does (the latter since 2026-12-07, when
     * ELAN's msec begin-only export became readable and {@code 12 ANX_STR_SIGH client} would have
     * been read as a begin at 12 ms). Read as an ELAN tab export (times, then the value) its actor
     * column would be ignored and its point events refused for a missing end. An ELAN export puts
     * a participant before the times, and a tier whose values are role names ({@code 1.0 2.0
     * client}, or with a duration: {@code 1.0 2.0 1.0 client}) has its value right after a time.
     */
    public static String headerlessNativeProblem(String text) {
        List<String> first = headerOf(text);
        if (first.isEmpty() || !TIME.matcher(first.get(0)).matches()) {
            return null;
        }
        for (int i = 2; i < first.size(); i++) {
            if (ACTORS.contains(first.get(i)) && !TIME.matcher(first.get(i - 1)).matches()) {
                return "no header row: the first row starts with a time and names the actor '" + first.get(i)
                        + "' in column " + (i + 1) + ", as a native CSV row does; a native CSV needs its header"
                        + " row (e.g. start,end,code,actor) to say which column is which";
            }
        }
        return null;
    }

    /** The first non-blank row's cells, trimmed and lower-cased. */
    static List<String> headerOf(String text) {
        for (DelimitedTable.Row row : DelimitedTable.read(text).rows()) {
            if (!row.isBlank()) {
                return row.cells().stream()
                        .map(c -> c.trim().toLowerCase(Locale.ROOT))
                        .toList();
            }
        }
        return List.of();
    }
}
