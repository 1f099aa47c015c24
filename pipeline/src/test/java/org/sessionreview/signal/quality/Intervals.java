package org.sessionreview.signal.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Assertions on artifact intervals. */
final class Intervals {
    private Intervals() {}

    /** An interval in seconds from {@link PlantedScene#S}. */
    static Artifact seconds(ArtifactKind kind, double fromS, double toS) {
        return new Artifact(kind, PlantedScene.millis(fromS), PlantedScene.millis(toS));
    }

    /** Same kinds in the same order, times within a microsecond. */
    static void assertIntervals(List<Artifact> expected, List<Artifact> actual) {
        assertEquals(expected.size(), actual.size(), "expected " + expected + " but got " + actual);
        for (int i = 0; i < expected.size(); i++) {
            Artifact e = expected.get(i);
            Artifact a = actual.get(i);
            String message = "interval " + i + ": expected " + e + " but got " + a;
            assertEquals(e.kind(), a.kind(), message);
            assertEquals(e.startMillis(), a.startMillis(), 1e-3, message);
            assertEquals(e.endMillis(), a.endMillis(), 1e-3, message);
        }
    }
}
