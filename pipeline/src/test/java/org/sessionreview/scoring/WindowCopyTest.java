package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.WindowFeatures;

class WindowCopyTest {

    @Test
    void shouldCopyEveryFieldWhenTheModelGainsOne() throws Exception {
        WindowFeatures w = new WindowFeatures();
        WindowFeatures blank = new WindowFeatures();
        int i = 1;
        for (Field f : WindowFeatures.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Class<?> t = f.getType();
            if (t == String.class) {
                f.set(w, "v" + i);
            } else if (t == double.class || t == Double.class) {
                f.set(w, i + 0.5);
            } else if (t == long.class || t == Long.class) {
                f.set(w, (long) i);
            } else if (t == int.class || t == Integer.class) {
                f.set(w, i + 1);
            } else if (t == boolean.class || t == Boolean.class) {
                f.set(w, true);
            } else {
                throw new AssertionError("extend this test and WindowCopy for " + f);
            }
            i++;
        }
        WindowFeatures c = WindowCopy.of(w);
        for (Field f : WindowFeatures.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                assertNotEquals(f.get(blank), f.get(w), f.getName());
                assertEquals(f.get(w), f.get(c), "WindowCopy misses field " + f.getName());
            }
        }
    }
}
