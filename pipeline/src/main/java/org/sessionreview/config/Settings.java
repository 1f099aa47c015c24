package org.sessionreview.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The validated values of one component's declared options: every option of the component has a
 * value (its default unless set), each checked by its declaration. Immutable and {@link
 * Serializable}; a component's config class wraps one and reads it through typed getters.
 */
public final class Settings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<ConfigOption<?>> declared;
    /** Option key to value (Double, Integer, Long, Boolean, an enum or an unmodifiable list). */
    private final HashMap<String, Object> values;
    /**
     * The values looked up so far, by {@link ConfigOption#slot()}: the steps read options in their
     * inner loops (hundreds of lookups per window), and a lookup by key hashes and compares the
     * key's text, as the keys of a configuration copied into an operator are other String
     * objects. Holds the map's own value objects; not state (rebuilt after a copy); replaced
     * whole when it grows, so a reader sees every value written into it.
     */
    private transient volatile Object[] bySlot;

    /** Declarations past this many in the JVM (none at present: they are constants) are looked up by key. */
    private static final int MAX_SLOT = 4096;

    private Settings(List<ConfigOption<?>> declared, Map<String, Object> values) {
        this.declared = declared;
        this.values = new HashMap<>(values);
    }

    /** The value of a declared option. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigOption<T> option) {
        Object[] known = bySlot;
        int slot = option.slot();
        if (known != null && slot < known.length && known[slot] != null) {
            return (T) known[slot];
        }
        Object v = values.get(option.key());
        if (v == null) {
            throw new IllegalArgumentException(option.key() + " is not an option of this component");
        }
        if (slot > 0 && slot <= MAX_SLOT) {
            // a new array with the value added, then published (two threads may each add one and
            // one be lost: it is looked up by key again and added later)
            Object[] grown = known == null
                    ? new Object[slot + 1]
                    : java.util.Arrays.copyOf(known, Math.max(known.length, slot + 1));
            grown[slot] = v;
            bySlot = grown;
        }
        return (T) v;
    }

    /** The component's declarations, in declaration order. */
    public List<ConfigOption<?>> declared() {
        return declared;
    }

    /** Every option's key to its value as text, sorted by key. */
    public Map<String, String> asText() {
        Map<String, String> out = new TreeMap<>();
        for (ConfigOption<?> o : declared) {
            out.put(o.key(), text(o));
        }
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private <T> String text(ConfigOption<T> o) {
        return o.format((T) values.get(o.key()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && values.equals(s.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return asText().toString();
    }

    /**
     * Collects values for one component and builds its config: each value is checked when set,
     * the component's rules between options when built.
     *
     * @param <C> the component's config class
     */
    public static final class Builder<C> {
        private final List<ConfigOption<?>> declared;
        private final Function<Settings, C> factory;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, ConfigOption<?>> byKey = new LinkedHashMap<>();

        /** Starts from the defaults. */
        public Builder(List<ConfigOption<?>> declared, Function<Settings, C> factory) {
            this.declared = List.copyOf(declared);
            this.factory = factory;
            for (ConfigOption<?> o : declared) {
                if (byKey.put(o.key(), o) != null) {
                    throw new IllegalStateException("option declared twice: " + o.key());
                }
                values.put(o.key(), o.defaultValue());
            }
        }

        /** Starts from the values of {@code from}. */
        public Builder(Settings from, Function<Settings, C> factory) {
            this(from.declared, factory);
            values.putAll(from.values);
        }

        /**
         * Sets one option.
         *
         * @throws IllegalArgumentException naming the key when the value fails its checks or the
         *     option is not one of this component's
         */
        public <T> Builder<C> set(ConfigOption<T> option, T value) {
            ConfigOption<?> own = byKey.get(option.key());
            if (own == null) {
                throw new IllegalArgumentException(option.key() + " is not an option of this component");
            }
            values.put(option.key(), own.validate(value));
            return this;
        }

        /** Whether {@code key} is one of this component's options. */
        public boolean declares(String key) {
            return byKey.containsKey(key);
        }

        /** Sets one option from text ({@code --set key=value}). */
        public Builder<C> setText(String key, String text) {
            ConfigOption<?> o = byKey.get(key);
            if (o == null) {
                throw new IllegalArgumentException("unknown option " + key);
            }
            values.put(key, o.parse(text));
            return this;
        }

        /**
         * Builds the component's config.
         *
         * @throws IllegalArgumentException naming the keys of a violated rule between options
         */
        public C build() {
            return factory.apply(new Settings(declared, values));
        }
    }

    /** Fails with {@code message} unless {@code ok}: for the rules between options. */
    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
