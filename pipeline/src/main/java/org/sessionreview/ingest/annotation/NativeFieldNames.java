package org.sessionreview.ingest.annotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names a native CSV column or JSON Lines field may have: the contract's own ({@code start},
 * {@code end}, {@code code}, {@code actor}) and the names other coding tools, scripts and habits
 * give the same things, so that a table written elsewhere is read without renaming its header.
 *
 * <p>A name is compared after {@link #normalise}: lower case, a unit in brackets joined with an
 * underscore ({@code Start (s)} is {@code start_s}), every run of other characters one
 * underscore ({@code Start Time} is {@code start_time}). Then:
 *
 * <ul>
 *   <li><b>start</b>, seconds: {@code onset}, {@code begin}, {@code time}, with or without {@code
 *       _s}, {@code _sec} or {@code _time} ({@code start_s}, {@code onset_time}, ...), {@code
 *       starttime}; in milliseconds: the same ending in {@code _ms};
 *   <li><b>end</b>, seconds: {@code offset}, {@code stop}, likewise suffixed; milliseconds
 *       likewise;
 *   <li><b>duration</b> (a native field only under these names), seconds: {@code duration},
 *       {@code dur}, either with {@code _s} or {@code _sec} ({@code Duration (sec)}); milliseconds:
 *       the same ending in {@code _ms}: the end is start + duration when no end is given;
 *   <li><b>code</b>: {@code label}, {@code behavior}, {@code behaviour}, {@code category};
 *   <li><b>actor</b>: {@code role}, {@code speaker}, {@code subject}, {@code participant}.
 * </ul>
 *
 * A name of the contract itself always wins: with both {@code actor} and {@code role}, {@code
 * role} stays a modifier. Two other names for one field ({@code onset} and {@code begin}) are
 * ambiguous and refused, except {@code category} beside another name for the code ({@code label},
 * {@code behavior}): there it is the code's family (DOMAIN.md 2, BORIS "Behavioral category") and
 * stays another column. ELAN's own headed export ({@code Begin Time - msec}, {@code Duration -
 * ss.msec}) matches none of these ({@code _msec} is not taken for a reason), so it is still told
 * apart from a native table.
 */
final class NativeFieldNames {
    /** A native field a name stands for, and the factor that turns its numbers into seconds. */
    record Field(String name, double toSeconds) {}

    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");
    private static final double SECONDS = 1.0;
    private static final double MILLISECONDS = 1e-3;
    private static final Map<String, Field> NAMES = names();
    /** Other names that give way to another other name of their field ({@code label} beside {@code category}). */
    private static final java.util.Set<String> WEAK = java.util.Set.of("category");

    private NativeFieldNames() {}

    /** Lower case, brackets dropped, every run of characters other than a-z and 0-9 one '_'. */
    static String normalise(String name) {
        String s = OTHER.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll("_");
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '_') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '_') {
            to--;
        }
        return s.substring(from, to);
    }

    /** The native field {@code name} stands for, if any (the contract's own names included). */
    static Optional<Field> of(String name) {
        return Optional.ofNullable(NAMES.get(normalise(name)));
    }

    /**
     * True when {@code key} may be quoted in a reject: printable ASCII only (normalising turns any
     * other letter into a separator, so {@code "Анна onset"} would read as {@code onset} and the
     * name would be quoted) and one of the names {@link #of} knows.
     */
    static boolean quotable(String key) {
        return isPrintableAscii(key) && of(key).isPresent();
    }

    /** True when every character of {@code s} is printable ASCII (space to tilde). */
    static boolean isPrintableAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    /** True when the names give a start and a code: a header of a native table. */
    static boolean namesStartAndCode(Collection<String> names) {
        boolean start = false;
        boolean code = false;
        for (String n : names) {
            Optional<Field> f = of(n);
            start |= f.filter(x -> x.name().equals("start")).isPresent();
            code |= f.filter(x -> x.name().equals("code")).isPresent();
        }
        return start && code;
    }

    /**
     * Which of {@code names} (as written) gives each native field: a contract name itself first,
     * else the one other name for it.
     *
     * @return field name -> the name as written and its factor to seconds
     * @throws InvalidRecordException when two names other than the contract's give one field, or
     *     the contract's name is given twice (a CSV header naming {@code code} twice); the reason
     *     quotes only names of this class's vocabulary
     */
    static Map<String, Source> resolve(Collection<String> names) throws InvalidRecordException {
        Map<String, Source> direct = new LinkedHashMap<>();
        Map<String, List<Source>> other = new LinkedHashMap<>();
        for (String written : names) {
            String n = normalise(written);
            Field f = NAMES.get(n);
            if (f == null) {
                continue;
            }
            Source s = new Source(written, n, f.toSeconds());
            if (n.equals(f.name())) {
                if (direct.containsKey(f.name())) {
                    throw new InvalidRecordException(
                            "'" + f.name() + "' is named twice (which one is meant is unknown):" + " keep one");
                }
                direct.put(f.name(), s);
            } else {
                other.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Source> out = new LinkedHashMap<>(direct);
        for (Map.Entry<String, List<Source>> e : other.entrySet()) {
            if (direct.containsKey(e.getKey())) {
                continue;
            }
            List<Source> s = e.getValue();
            if (s.size() > 1 && s.stream().anyMatch(x -> WEAK.contains(x.normalised()))) {
                // a BORIS-like "Behavioral category" beside a label is the code's family, not a
                // second code (DOMAIN.md 2): it stays another column, as beside a 'code' column
                s = s.stream().filter(x -> !WEAK.contains(x.normalised())).toList();
            }
            if (s.size() > 1) {
                throw new InvalidRecordException(
                        "'" + s.get(0).normalised() + "' and '" + s.get(1).normalised()
                                + "' both give the " + e.getKey() + ": keep one, or name the one to use '" + e.getKey()
                                + "'");
            }
            out.put(e.getKey(), s.get(0));
        }
        return out;
    }

    /**
     * The name a field is read from.
     *
     * @param written the name as written in the file
     * @param normalised its {@link #normalise normal form} (from this class's vocabulary)
     * @param toSeconds 1, or 0.001 for a name in milliseconds
     */
    record Source(String written, String normalised, double toSeconds) {}

    private static Map<String, Field> names() {
        Map<String, Field> m = new LinkedHashMap<>();
        for (String base : List.of("start", "onset", "begin", "time", "starttime")) {
            times(m, base, "start");
        }
        for (String base : List.of("end", "offset", "stop", "endtime", "stoptime")) {
            times(m, base, "end");
        }
        for (String n : List.of("duration", "dur")) {
            m.put(n, new Field("duration", SECONDS));
            m.put(n + "_s", new Field("duration", SECONDS));
            m.put(n + "_sec", new Field("duration", SECONDS));
            m.put(n + "_ms", new Field("duration", MILLISECONDS));
        }
        for (String n : List.of("code", "label", "behavior", "behaviour", "category")) {
            m.put(n, new Field("code", SECONDS));
        }
        for (String n : List.of("actor", "role", "speaker", "subject", "participant")) {
            m.put(n, new Field("actor", SECONDS));
        }
        return Map.copyOf(m);
    }

    private static void times(Map<String, Field> m, String base, String field) {
        for (String t : List.of("", "_time")) {
            m.put(base + t, new Field(field, SECONDS));
            m.put(base + t + "_s", new Field(field, SECONDS));
            m.put(base + t + "_sec", new Field(field, SECONDS));
            m.put(base + t + "_ms", new Field(field, MILLISECONDS));
        }
    }
}
