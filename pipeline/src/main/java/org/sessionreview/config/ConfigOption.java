package org.sessionreview.config;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One declared option: its key ({@code component.name}, snake_case), type, default, unit and a
 * one-sentence description, plus the checks a value must pass. Declared once as a {@code public
 * static final} constant of a component's {@code *Options} class (as flink-connector-kafka's
 * {@code KafkaSourceOptions}); builders, {@link Settings}, footers, run.json and the command
 * line's {@code --set key=value} all work from these declarations. Immutable; each check method
 * returns a new declaration.
 *
 * @param <T> the value type: {@code Double}, {@code Integer}, {@code Long}, {@code Boolean}, an
 *     enum, or a list of doubles or strings
 */
public final class ConfigOption<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a value is read from and written as text. */
    enum Kind {
        REAL,
        INTEGER,
        LONG,
        BOOLEAN,
        ENUM,
        REAL_LIST,
        TEXT_LIST
    }

    /** A check on a value: null when valid, else what is wrong ("must be > 0"). */
    @FunctionalInterface
    interface Check extends Serializable {
        String problem(Object value);
    }

    private final String key;
    private final Kind kind;
    private final Class<?> enumType;
    private final T defaultValue;
    private final String unit;
    private final String description;
    /**
     * Transient: the checks are lambdas, which Kryo cannot copy (a {@code double} captured by a
     * hidden class has no field offset), and operators' keyed state carries configurations
     * (WearerWindower's, in every checkpoint of a streaming run). Values are checked where the
     * configuration is built, on the client; a copy made by serialization has no checks.
     */
    private final transient List<Check> checks;
    /**
     * This declaration's place in {@link Settings}' lookup array, unique in the JVM, from 1; 0 in a
     * copy made by serialization (transient), which is then looked up by key.
     */
    private final transient int slot;

    private static final AtomicInteger SLOTS = new AtomicInteger();

    private ConfigOption(
            String key,
            Kind kind,
            Class<?> enumType,
            T defaultValue,
            String unit,
            String description,
            List<Check> checks) {
        if (!key.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+")) {
            throw new IllegalArgumentException("option key must be dotted snake_case: " + key);
        }
        this.key = key;
        this.kind = kind;
        this.enumType = enumType;
        this.defaultValue = Objects.requireNonNull(defaultValue, key);
        this.unit = Objects.requireNonNull(unit, key);
        this.description = Objects.requireNonNull(description, key);
        this.checks = List.copyOf(checks);
        this.slot = SLOTS.incrementAndGet();
    }

    /** Place in {@link Settings}' lookup array; 0 for none. */
    int slot() {
        return slot;
    }

    /** A real number (finite unless a check says otherwise). */
    public static ConfigOption<Double> real(String key, double dflt, String unit, String description) {
        return new ConfigOption<>(
                key,
                Kind.REAL,
                null,
                dflt,
                unit,
                description,
                List.of(v -> Double.isFinite((Double) v) ? null : "must be a finite number"));
    }

    public static ConfigOption<Integer> integer(String key, int dflt, String unit, String description) {
        return new ConfigOption<>(key, Kind.INTEGER, null, dflt, unit, description, List.of());
    }

    public static ConfigOption<Long> longInteger(String key, long dflt, String unit, String description) {
        return new ConfigOption<>(key, Kind.LONG, null, dflt, unit, description, List.of());
    }

    public static ConfigOption<Boolean> flag(String key, boolean dflt, String description) {
        return new ConfigOption<>(key, Kind.BOOLEAN, null, dflt, "", description, List.of());
    }

    public static <E extends Enum<E>> ConfigOption<E> choice(String key, Class<E> type, E dflt, String description) {
        return new ConfigOption<>(key, Kind.ENUM, type, dflt, "", description, List.of());
    }

    /** A non-empty list of finite numbers, written {@code a;b;c}. */
    public static ConfigOption<List<Double>> reals(String key, List<Double> dflt, String unit, String description) {
        return new ConfigOption<>(
                key,
                Kind.REAL_LIST,
                null,
                List.copyOf(dflt),
                unit,
                description,
                List.of(v -> ((List<?>) v).isEmpty() ? "must not be empty" : null));
    }

    /** A list of non-blank words, written {@code a;b;c}. */
    public static ConfigOption<List<String>> words(String key, List<String> dflt, String description) {
        return new ConfigOption<>(key, Kind.TEXT_LIST, null, List.copyOf(dflt), "", description, List.of(v -> {
            for (Object s : (List<?>) v) {
                if (((String) s).isBlank() || ((String) s).contains(";")) {
                    return "must hold non-blank words without ';'";
                }
            }
            return null;
        }));
    }

    // ---- checks ------------------------------------------------------------------------

    /** The checks; none on a copy made by serialization (see {@link #checks}). */
    private List<Check> checks() {
        return checks == null ? List.of() : checks;
    }

    /** The value (every element, for a list) must be {@code > 0}. */
    public ConfigOption<T> positive() {
        return with(v -> number(v) > 0 ? null : "must be > 0");
    }

    /** The value (every element) must be {@code >= min}. */
    public ConfigOption<T> atLeast(double min) {
        return with(v -> number(v) >= min ? null : "must be >= " + text(min));
    }

    /** The value (every element) must lie in {@code [min, max]}. */
    public ConfigOption<T> range(double min, double max) {
        return with(v ->
                number(v) >= min && number(v) <= max ? null : "must be within [" + text(min) + ", " + text(max) + "]");
    }

    /** The value (every element) must lie in {@code (min, max)}, both exclusive. */
    public ConfigOption<T> between(double min, double max) {
        return with(v ->
                number(v) > min && number(v) < max ? null : "must be within (" + text(min) + ", " + text(max) + ")");
    }

    /** The list must be strictly ascending. */
    public ConfigOption<T> ascending() {
        return new ConfigOption<>(key, kind, enumType, defaultValue, unit, description, plus(v -> {
            double prev = Double.NEGATIVE_INFINITY;
            for (Object d : (List<?>) v) {
                if (!((Double) d > prev)) {
                    return "must be strictly ascending";
                }
                prev = (Double) d;
            }
            return null;
        }));
    }

    private ConfigOption<T> with(Check elementCheck) {
        Check c = kind == Kind.REAL_LIST
                ? v -> {
                    for (Object d : (List<?>) v) {
                        String p = elementCheck.problem(d);
                        if (p != null) {
                            return "every value " + p;
                        }
                    }
                    return null;
                }
                : elementCheck;
        return new ConfigOption<>(key, kind, enumType, defaultValue, unit, description, plus(c));
    }

    private List<Check> plus(Check c) {
        List<Check> all = new ArrayList<>(checks());
        all.add(c);
        return all;
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    // ---- use -----------------------------------------------------------------------------

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** Unit of the value ({@code s}, {@code uS}, {@code Hz}...); empty for none. */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** What a value must be, for messages: "a real", "true or false", "one of STREAMING, NEUROKIT". */
    private String expected() {
        return switch (kind) {
            case REAL, REAL_LIST, TEXT_LIST -> "a " + typeName();
            case INTEGER, LONG -> "an " + typeName();
            case BOOLEAN -> "true or false";
            case ENUM -> "one of " + String.join(", ", names());
        };
    }

    /** The type's name for help texts: {@code real}, {@code integer}, {@code true|false}, the enum values... */
    public String typeName() {
        return switch (kind) {
            case REAL -> "real";
            case INTEGER, LONG -> "integer";
            case BOOLEAN -> "true|false";
            case ENUM -> String.join("|", names());
            case REAL_LIST -> "reals a;b;c";
            case TEXT_LIST -> "words a;b;c";
        };
    }

    /**
     * The value checked and normalised (lists copied).
     *
     * @throws IllegalArgumentException naming the key, e.g. {@code scoring.z_clamp must be > 0, got -1.0}
     */
    @SuppressWarnings("unchecked")
    public T validate(Object value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " must not be null");
        }
        Object v = switch (kind) {
            case REAL -> value instanceof Number n ? (Object) n.doubleValue() : value;
            case INTEGER -> value instanceof Integer ? value : null;
            case LONG -> value instanceof Number n && !(value instanceof Double) ? (Object) n.longValue() : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case ENUM -> enumType.isInstance(value) ? value : null;
            case REAL_LIST, TEXT_LIST -> value instanceof List<?> l ? List.copyOf(l) : null;
        };
        if (v == null || (kind == Kind.REAL && !(v instanceof Double))) {
            throw new IllegalArgumentException(key + " must be " + expected() + ", got " + value);
        }
        for (Check c : checks()) {
            String problem = c.problem(v);
            if (problem != null) {
                throw new IllegalArgumentException(key + " " + problem + ", got " + format((T) v));
            }
        }
        return (T) v;
    }

    /** Reads a value from text (as written by {@link #format}) and checks it. */
    public T parse(String text) {
        String t = text.trim();
        try {
            Object v = switch (kind) {
                case REAL -> Double.parseDouble(t);
                case INTEGER -> Integer.parseInt(t);
                case LONG -> Long.parseLong(t);
                case BOOLEAN -> {
                    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException();
                    }
                    yield Boolean.parseBoolean(t);
                }
                case ENUM -> enumValue(t);
                case REAL_LIST ->
                    t.isEmpty()
                            ? List.of()
                            : java.util.Arrays.stream(t.split(";"))
                                    .map(s -> Double.parseDouble(s.trim()))
                                    .toList();
                case TEXT_LIST ->
                    t.isEmpty()
                            ? List.of()
                            : java.util.Arrays.stream(t.split(";"))
                                    .map(String::trim)
                                    .toList();
            };
            return validate(v);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(key + " ")) {
                throw e;
            }
            throw new IllegalArgumentException(key + " must be " + expected() + ", got '" + text + "'");
        }
    }

    /** The value as text: numbers in plain notation ({@code 0.05}, {@code 30.0}), lists joined with ';'. */
    public String format(T value) {
        return switch (kind) {
            case REAL -> Double.toString((Double) value);
            case ENUM -> ((Enum<?>) value).name();
            case REAL_LIST ->
                String.join(";", ((List<?>) value).stream().map(String::valueOf).toList());
            case TEXT_LIST ->
                String.join(";", ((List<?>) value).stream().map(String::valueOf).toList());
            default -> String.valueOf(value);
        };
    }

    private Object enumValue(String t) {
        for (Object c : enumType.getEnumConstants()) {
            if (((Enum<?>) c).name().equalsIgnoreCase(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException();
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            out.add(((Enum<?>) c).name());
        }
        return out;
    }

    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** {@code key (type, unit, default d): description}, for help texts. */
    public String help() {
        return String.format(
                Locale.ROOT,
                "%s (%s%s, default %s): %s",
                key,
                typeName(),
                unit.isEmpty() ? "" : ", " + unit,
                format(defaultValue),
                description);
    }

    @Override
    public String toString() {
        return key;
    }
}
