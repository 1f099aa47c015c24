package org.sessionreview.ingest.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;

/**
 * Splits and the enumerator's checkpoint survive serialization field for field, including nulls
 * and strings too long for {@code writeUTF}; every public field of {@link Reject} and {@link
 * InputFileStats} is filled by reflection, so a field added later without serializing it fails here.
 */
class SessionFolderSplitSerializerTest {
    private static final SessionFolderSplitSerializer SPLITS = SessionFolderSplitSerializer.INSTANCE;

    @Test
    void shouldRoundTripAFolderSplitWhenSerialized() throws IOException {
        SessionFolderSplit back = roundTrip(new SessionFolderSplit(SessionTask.folder("2026-03-02_T01_1000")));
        assertEquals("2026-03-02_T01_1000", back.splitId());
        assertEquals("2026-03-02_T01_1000", back.task().folder);
        assertTrue(back.task().rejects.isEmpty() && back.task().files.isEmpty());
    }

    @Test
    void shouldRoundTripEveryFieldOfTheScanResultsWhenSerialized() throws Exception {
        Reject r1 = filled(new Reject(), 1);
        Reject r2 = filled(new Reject(), 2);
        InputFileStats f1 = filled(new InputFileStats(), 3);
        SessionFolderSplit back =
                roundTrip(new SessionFolderSplit(SessionTask.scanResults(List.of(r1, r2), List.of(f1))));
        assertEquals(SessionFolderSplit.SCAN_SPLIT_ID, back.splitId());
        assertNull(back.task().folder);
        assertEquals(
                List.of(fields(r1), fields(r2)),
                back.task().rejects.stream()
                        .map(SessionFolderSplitSerializerTest::fields)
                        .toList());
        assertEquals(
                List.of(fields(f1)),
                back.task().files.stream()
                        .map(SessionFolderSplitSerializerTest::fields)
                        .toList());
    }

    @Test
    void shouldKeepNullsAndLongTextWhenSerialized() throws Exception {
        Reject r = new Reject(); // every String null
        r.line = 7;
        InputFileStats f =
                new InputFileStats(null, "x".repeat(70_000) + "\u00e9", "session"); // beyond writeUTF's 64 KB
        SessionFolderSplit back = roundTrip(new SessionFolderSplit(SessionTask.scanResults(List.of(r), List.of(f))));
        assertEquals(fields(r), fields(back.task().rejects.get(0)));
        assertEquals(fields(f), fields(back.task().files.get(0)));
    }

    @Test
    void shouldRefuseAnUnknownVersionWhenDeserializing() throws IOException {
        byte[] bytes = SPLITS.serialize(new SessionFolderSplit(SessionTask.folder("a")));
        IOException e = assertThrows(IOException.class, () -> SPLITS.deserialize(SPLITS.getVersion() + 1, bytes));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void shouldRoundTripTheEnumeratorStateWhenSerialized() throws Exception {
        SessionFolderEnumeratorState.Serializer states = SessionFolderEnumeratorState.Serializer.INSTANCE;
        SessionFolderEnumeratorState state = new SessionFolderEnumeratorState(List.of(
                new SessionFolderSplit(SessionTask.folder("b")),
                new SessionFolderSplit(SessionTask.scanResults(List.of(filled(new Reject(), 4)), List.of())),
                new SessionFolderSplit(SessionTask.folder("c"))));
        SessionFolderEnumeratorState back = states.deserialize(states.getVersion(), states.serialize(state));
        assertEquals(
                List.of("b", SessionFolderSplit.SCAN_SPLIT_ID, "c"),
                back.unassigned().stream().map(SessionFolderSplit::splitId).toList());
        assertEquals(
                fields(state.unassigned().get(1).task().rejects.get(0)),
                fields(back.unassigned().get(1).task().rejects.get(0)));
        assertEquals(
                0,
                states.deserialize(states.getVersion(), states.serialize(new SessionFolderEnumeratorState(List.of())))
                        .unassigned()
                        .size());
    }

    @Test
    void shouldBeAFlinkPojoWithoutGenericFieldsWhenTypeIsExtracted() {
        TypeInformation<SessionTask> type = TypeInformation.of(SessionTask.class);
        assertTrue(type instanceof PojoTypeInfo, "not a POJO for Flink: " + type);
        PojoTypeInfo<SessionTask> pojo = (PojoTypeInfo<SessionTask>) type;
        List<String> generic = new ArrayList<>();
        for (int i = 0; i < pojo.getArity(); i++) {
            if (pojo.getPojoFieldAt(i).getTypeInformation() instanceof GenericTypeInfo) {
                generic.add(pojo.getPojoFieldAt(i).getField().getName());
            }
        }
        assertEquals(List.of(), generic, "fields left to Kryo: " + pojo);
    }

    private static SessionFolderSplit roundTrip(SessionFolderSplit split) throws IOException {
        return SPLITS.deserialize(SPLITS.getVersion(), SPLITS.serialize(split));
    }

    /** Sets every public instance field to a value distinct per field and per {@code seed}. */
    private static <T> T filled(T o, int seed) throws IllegalAccessException {
        int n = 0;
        for (Field f : instanceFields(o)) {
            n++;
            if (f.getType() == String.class) {
                f.set(o, f.getName() + "-" + seed + "-\u00fc");
            } else if (f.getType() == long.class) {
                f.setLong(o, seed * 1000L + n);
            } else {
                throw new AssertionError("the test cannot fill " + f + ": extend it and the serializer");
            }
        }
        return o;
    }

    private static List<Object> fields(Object o) {
        List<Object> values = new ArrayList<>();
        for (Field f : instanceFields(o)) {
            try {
                values.add(f.getName() + "=" + f.get(o));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return values;
    }

    private static List<Field> instanceFields(Object o) {
        List<Field> out = new ArrayList<>();
        for (Field f : o.getClass().getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                out.add(f);
            }
        }
        return out;
    }
}
