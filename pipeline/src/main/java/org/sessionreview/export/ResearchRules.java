package org.sessionreview.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.sessionreview.parquet.Column;
import org.sessionreview.parquet.ColumnType;
import org.sessionreview.parquet.OutputTables;
import org.sessionreview.parquet.TableSchema;

/**
 * What the research export does with every column of every review table. Each STRING, STRING_LIST,
 * DATE and TIMESTAMP_UTC column is classified here by name, explicitly; numbers and booleans are
 * kept unless listed. A text column without a classification stops the export ({@link
 * #rule(String, Column)} throws) and fails {@code ResearchRulesTest}: a new column must be
 * classified before it can reach researchers.
 */
public final class ResearchRules {
    private ResearchRules() {}

    /** The audience these rules are for, written into every footer. */
    public static final String AUDIENCE = "research";

    /** What happens to a column. */
    public enum Treatment {
        /** A number or boolean, copied. */
        KEPT,
        /** Text from a fixed vocabulary written by the pipeline, checked value by value. */
        VOCABULARY,
        /** An identifier replaced by a keyed pseudonym ({@link ResearchPseudonyms}). */
        PSEUDONYMISED,
        /** Made coarser: a date to its ISO week, a baseline source to its category. */
        COARSENED,
        /** Not written. */
        DROPPED
    }

    /**
     * One column's rule.
     *
     * @param treatment what happens
     * @param outName the exported column's name (null when dropped)
     * @param outType the exported column's type
     * @param vocabulary for {@link Treatment#VOCABULARY}: the values (list elements) kept
     * @param nullOutside for {@link Treatment#VOCABULARY}: a value outside the vocabulary becomes
     *     null (modifiers); otherwise it stops the export
     * @param map for {@link Treatment#PSEUDONYMISED} and {@link Treatment#COARSENED}: the new value
     * @param why one line for the footer and the README
     */
    public record Rule(
            Treatment treatment,
            String outName,
            ColumnType outType,
            Predicate<String> vocabulary,
            boolean nullOutside,
            BiFunction<Object, ResearchPseudonyms, Object> map,
            String why) {}

    /** Tables not exported at all, with the reason. */
    public static final Map<String, String> DROPPED_TABLES = Map.of(
            "rejects",
            "rejected input records: their raw text, reasons and source files can carry names; nothing of them is exported");

    /** Tables recomputed from the exported sessions instead of filtered, with the reason. */
    public static final Map<String, String> RECOMPUTED_TABLES = Map.of(
            "trainees", "recomputed from the exported (research-consented) sessions with the review's TraineeTable",
            "clients", "recomputed from the exported (research-consented) sessions with the review's ClientTrend");

    private static final Map<String, Map<String, Rule>> RULES = new LinkedHashMap<>();

    private static void put(String table, String column, Rule rule) {
        RULES.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(column, rule);
    }

    private static Rule vocabulary(String column, ColumnType type, Predicate<String> values, String why) {
        return new Rule(Treatment.VOCABULARY, column, type, values, false, null, why);
    }

    private static Rule dropped(String why) {
        return new Rule(Treatment.DROPPED, null, null, null, false, null, why);
    }

    private static Rule sessionId() {
        return new Rule(
                Treatment.PSEUDONYMISED,
                "session_id",
                ColumnType.STRING,
                null,
                false,
                (v, p) -> p.session((String) v),
                "keyed pseudonym s_<hex> of the session id (it embeds therapist id and date)");
    }

    private static Rule therapistId() {
        return new Rule(
                Treatment.PSEUDONYMISED,
                "therapist_id",
                ColumnType.STRING,
                null,
                false,
                (v, p) -> p.therapist((String) v),
                "keyed pseudonym t_<hex> of the therapist id");
    }

    private static Rule clientKey() {
        return new Rule(
                Treatment.PSEUDONYMISED,
                "client_key",
                ColumnType.STRING,
                null,
                false,
                (v, p) -> p.client((String) v),
                "keyed pseudonym c_<hex> of the review's client key");
    }

    private static Rule week() {
        return new Rule(
                Treatment.COARSENED,
                "session_week",
                ColumnType.STRING,
                null,
                false,
                (v, p) -> IsoWeek.of((String) v),
                "the session date coarsened to its ISO week, YYYY-Www");
    }

    private static Rule role() {
        return vocabulary("role", ColumnType.STRING, Vocabulary.ROLE, "client or therapist");
    }

    private static final String UTC = "absolute timestamps give the exact date and time of a session";

    static {
        for (TableSchema<?> t : OutputTables.ALL) {
            for (Column<?> c : t.columns()) {
                if (c.name().equals("session_id")) {
                    put(t.name(), "session_id", sessionId());
                } else if (c.type() == ColumnType.TIMESTAMP_UTC) {
                    put(t.name(), c.name(), dropped(UTC));
                }
            }
        }
        put("sessions", "therapist_id", therapistId());
        put("sessions", "client_key", clientKey());
        put("sessions", "session_date", week());
        put(
                "sessions",
                "flag_reasons",
                dropped("readable sentences; the kinds are in moments.kind and the counts in this table"));
        put(
                "sessions",
                "baseline_source",
                new Rule(
                        Treatment.COARSENED,
                        "baseline_source",
                        ColumnType.STRING,
                        null,
                        false,
                        (v, p) -> Vocabulary.sessionBaselineCategories((String) v),
                        "each wearer's baseline source as a category (the review's text can name an annotation or baselines file)"));
        put(
                "sessions",
                "missed_opportunity_sensitivity",
                vocabulary(
                        "missed_opportunity_sensitivity",
                        ColumnType.STRING,
                        Vocabulary.MISSED_SENSITIVITY,
                        "counts at response windows, 5s=m/n;..."));
        put(
                "sessions",
                "missing_channels",
                vocabulary("missing_channels", ColumnType.STRING_LIST, Vocabulary.MISSING_CHANNEL, "role:CHANNEL"));

        put("moments", "kind", vocabulary("kind", ColumnType.STRING, Vocabulary.MOMENT_KIND, "moment kind"));
        put("moments", "role", role());
        put("moments", "evidence", dropped("readable sentences; kind, times and severity stay"));

        put("windows", "role", role());
        put("scr", "role", role());
        put("beats", "role", role());
        put("beats", "source", vocabulary("source", ColumnType.STRING, Vocabulary.BEAT_SOURCE, "device or bvp"));
        put(
                "beats",
                "reject_reason",
                vocabulary(
                        "reject_reason",
                        ColumnType.STRING,
                        Vocabulary.BEAT_REJECT_REASON,
                        "artifact rejection reason code"));
        put("artifacts", "role", role());
        put(
                "artifacts",
                "channel",
                vocabulary(
                        "channel",
                        ColumnType.STRING,
                        Vocabulary.ARTIFACT_CHANNEL,
                        "E4 channel name, or E4 for the whole band"));
        put("artifacts", "kind", vocabulary("kind", ColumnType.STRING, Vocabulary.ARTIFACT_KIND, "artifact kind code"));
        put("synchrony", "signal", vocabulary("signal", ColumnType.STRING, Vocabulary.SYNCHRONY_SIGNAL, "eda or hr"));
        put(
                "synchrony",
                "leader",
                vocabulary("leader", ColumnType.STRING, Vocabulary.LEADER, "client, therapist or none"));
        put(
                "synchrony",
                "status",
                vocabulary("status", ColumnType.STRING, Vocabulary.SYNCHRONY_STATUS, "ok, masked or flat"));
        put(
                "ruptures",
                "episode_id",
                vocabulary("episode_id", ColumnType.STRING, Vocabulary.EPISODE_ID, "W1, C2, ..."));
        put("ruptures", "class", vocabulary("class", ColumnType.STRING, Vocabulary.RUPTURE_CLASS, "W or C"));
        put("ruptures", "markers", vocabulary("markers", ColumnType.STRING_LIST, Vocabulary.CODE, "canonical codes"));
        put("ruptures", "outcome", vocabulary("outcome", ColumnType.STRING, Vocabulary.OUTCOME, "outcome code"));
        put(
                "ruptures",
                "strategies",
                vocabulary(
                        "strategies",
                        ColumnType.STRING_LIST,
                        Vocabulary.STRATEGY_CODE,
                        "canonical codes with allow-listed modifiers"));
        put(
                "segments",
                "marker_counts",
                vocabulary("marker_counts", ColumnType.STRING, Vocabulary.MARKER_COUNTS, "canonical code=n;..."));

        put("trainees", "therapist_id", therapistId());
        put(
                "trainees",
                "period",
                vocabulary(
                        "period",
                        ColumnType.STRING,
                        Vocabulary.PERIOD,
                        "all or the month yyyy-MM (a month is coarser than the ISO week the sessions carry)"));
        put("clients", "client_key", clientKey());
        put("clients", "therapist_id", therapistId());
        put("clients", "session_date", week());
        put("clients", "note", vocabulary("note", ColumnType.STRING, Vocabulary.CLIENT_NOTE, "the fixed plateau note"));

        put("baselines", "role", role());
        put(
                "baselines",
                "person",
                new Rule(
                        Treatment.PSEUDONYMISED,
                        "person",
                        ColumnType.STRING,
                        null,
                        false,
                        (v, p) -> p.person((String) v),
                        "client:<c_ pseudonym> or therapist:<t_ pseudonym>"));
        put("baselines", "session_date", week());
        put(
                "baselines",
                "feature",
                vocabulary("feature", ColumnType.STRING, Vocabulary.FEATURE, "feature column name"));
        put(
                "baselines",
                "source",
                new Rule(
                        Treatment.COARSENED,
                        "source",
                        ColumnType.STRING,
                        null,
                        false,
                        (v, p) -> Vocabulary.baselineCategory((String) v),
                        "the baseline source as a category (the review's text can name an annotation or baselines file)"));

        put("annotations", "code", vocabulary("code", ColumnType.STRING, Vocabulary.CODE, "canonical code"));
        put("annotations", "family", vocabulary("family", ColumnType.STRING, Vocabulary.FAMILY, "code family"));
        put(
                "annotations",
                "actor",
                vocabulary("actor", ColumnType.STRING, Vocabulary.ACTOR, "client, therapist or dyad"));
        put(
                "annotations",
                "modifiers",
                new Rule(
                        Treatment.VOCABULARY,
                        "modifiers",
                        ColumnType.STRING,
                        Vocabulary::allowedModifiers,
                        true,
                        null,
                        "kept only when every key=value is on ModifierPolicy's allow-list, else null"));
        put("annotations", "label", dropped("the label as the coder typed it (free text)"));
        put("annotations", "source_file", dropped("file and folder names can carry names, ids and dates"));
        put("annotations", "source_line", dropped("a line number in a file the export does not name"));
    }

    /** Every explicit rule: table to column to rule. */
    public static Map<String, Map<String, Rule>> all() {
        return Collections.unmodifiableMap(RULES);
    }

    private static boolean isText(ColumnType t) {
        return t == ColumnType.STRING
                || t == ColumnType.STRING_LIST
                || t == ColumnType.DATE
                || t == ColumnType.TIMESTAMP_UTC;
    }

    /** The explicit rule of a column, if any. */
    public static Optional<Rule> explicit(String table, String column) {
        return Optional.ofNullable(RULES.getOrDefault(table, Map.of()).get(column));
    }

    /**
     * The rule for {@code column} of {@code table}: its explicit rule; {@link Treatment#KEPT} for
     * an unlisted number or boolean.
     *
     * @throws ExportException for a text, date or timestamp column without a rule
     */
    public static Rule rule(String table, Column<?> column) {
        Optional<Rule> r = explicit(table, column.name());
        if (r.isPresent()) {
            return r.get();
        }
        if (isText(column.type())) {
            throw new ExportException("column " + table + "." + column.name() + " (" + column.type()
                    + ") has no research-export rule; nothing was exported");
        }
        return new Rule(Treatment.KEPT, column.name(), column.type(), null, false, null, "number or boolean");
    }

    /** Text, date and timestamp columns of exported tables without a rule: empty when every one is classified. */
    public static List<String> unclassified() {
        List<String> out = new ArrayList<>();
        for (TableSchema<?> t : OutputTables.ALL) {
            if (DROPPED_TABLES.containsKey(t.name())) {
                continue;
            }
            for (Column<?> c : t.columns()) {
                if (isText(c.type()) && explicit(t.name(), c.name()).isEmpty()) {
                    out.add(t.name() + "." + c.name());
                }
            }
        }
        return out;
    }

    /** The rules in one paragraph, for the footer key {@code export.rules}. */
    public static final String SUMMARY = String.join(
            " ",
            "audience research:",
            "only sessions with consent_research = true, every table filtered by session;",
            "trainees and clients recomputed from those sessions only;",
            "session, therapist and client ids replaced by keyed pseudonyms (HMAC-SHA256 over session:<id>,",
            "therapist:<id>, client:<client_key>; first 64 bits; the same key gives the same pseudonyms);",
            "session_date coarsened to session_week (ISO week); every *_utc timestamp dropped (relative *_s seconds stay);",
            "no free text: flag_reasons, evidence, annotation labels, source files and lines dropped;",
            "modifiers kept only when every key=value is on the allow-list; baseline sources reduced to categories;",
            "every other text column checked against its fixed vocabulary; rejects not exported;",
            "footers keep the review's version, commit, Flink version, methods, key source, parameters and run inputs",
            "(size and SHA-256 of the --baselines and --codebook files, not their names) only.");
}
