package org.sessionreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link Settings#get} (values kept by the declaration's slot after the first lookup) against the
 * lookup by key it replaced ({@link #byKey}): the same value object for every option of the
 * feature configuration, on the first and later lookups, for two configurations with different
 * values read alternately, after Java serialization (with the constants and with the
 * deserialized declarations, which have no slot), for an option of another component (refused
 * before and after others are kept), and from threads reading one configuration at once.
 */
class SettingsLookupTest {
    @Test
    void shouldGiveTheValueTheKeyGivesOnEveryPath() {
        FeatureConfig defaults = FeatureConfig.defaults();
        FeatureConfig changed = defaults.toBuilder()
                .set(FeatureOptions.WINDOW_S, 20.0)
                .set(TemperatureOptions.SLOPE_SPAN_S, 45.0)
                .build();
        for (int round = 0; round < 3; round++) {
            for (ConfigOption<?> o : FeatureConfig.ALL) {
                assertSame(byKey(defaults, o), defaults.get(o), o.key());
                assertSame(byKey(changed, o), changed.get(o), o.key());
            }
        }
        assertEquals(20.0, changed.get(FeatureOptions.WINDOW_S));

        FeatureConfig copy = copied(changed);
        Settings copySettings = settings(copy);
        for (ConfigOption<?> o : FeatureConfig.ALL) {
            assertEquals(byKey(changed, o), copy.get(o), o.key());
            assertSame(byKey(copy, o), copy.get(o), o.key());
        }
        List<ConfigOption<?>> copiedDeclarations = copySettings.declared();
        for (int round = 0; round < 2; round++) {
            for (ConfigOption<?> o : copiedDeclarations) {
                assertEquals(0, o.slot(), o.key() + " copied has no slot");
                assertSame(byKey(copy, o), copySettings.get(o), o.key());
            }
        }
    }

    @Test
    void shouldRefuseAnOptionOfAnotherComponent() {
        Settings s = settings(FeatureConfig.defaults());
        ConfigOption<?> foreign = SynchronyOptions.ALL.get(0);
        assertThrows(IllegalArgumentException.class, () -> s.get(foreign));
        for (ConfigOption<?> o : FeatureConfig.ALL) {
            s.get(o);
        }
        assertThrows(IllegalArgumentException.class, () -> s.get(foreign));
    }

    @Test
    void shouldGiveEveryThreadTheValueTheKeyGives() throws InterruptedException {
        FeatureConfig config = copied(FeatureConfig.defaults());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                try {
                    List<ConfigOption<?>> all = FeatureConfig.ALL;
                    for (int i = 0; i < 20_000; i++) {
                        ConfigOption<?> o = all.get((i * 7 + offset) % all.size());
                        if (config.get(o) != byKey(config, o)) {
                            throw new AssertionError(o.key());
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, failure.get());
        assertTrue(FeatureConfig.ALL.size() > 50, FeatureConfig.ALL.size() + " options");
    }

    /** The lookup before 2026-12-06: the value map by key. */
    private static Object byKey(FeatureConfig c, ConfigOption<?> o) {
        try {
            Field f = Settings.class.getDeclaredField("values");
            f.setAccessible(true);
            return ((Map<?, ?>) f.get(settings(c))).get(o.key());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Settings settings(FeatureConfig c) {
        try {
            Field f = FeatureConfig.class.getDeclaredField("values");
            f.setAccessible(true);
            return (Settings) f.get(c);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static FeatureConfig copied(FeatureConfig c) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(c);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (FeatureConfig) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
