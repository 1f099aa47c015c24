package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.model.Role;
import org.sessionreview.model.WindowFeatures;

/** {@code sessions.peak_anxiety_index} is the highest index of the client's windows overlapping the video. */
class SessionRowsPeakTest {

    private static WindowFeatures window(String role, double startS, Double index) {
        WindowFeatures w = new WindowFeatures();
        w.role = role;
        w.startS = startS;
        w.endS = startS + 30;
        w.anxietyIndex = index;
        return w;
    }

    @Test
    void shouldTakeThePeakOfTheWindowsOverlappingTheVideoOnly() {
        List<WindowFeatures> ws = new ArrayList<>();
        ws.add(window("client", -60, 9.0)); // ends at -30 s: before the video
        ws.add(window("client", -30, 8.0)); // ends at 0 s: touches the start, no overlap
        ws.add(window("client", -20, 1.5)); // 10 s inside
        ws.add(window("client", 300, 2.5));
        ws.add(window("client", 590, 0.5)); // starts 10 s before the end
        ws.add(window("client", 600, 10.0)); // starts at the end: after the video (eleventh audit: FLIRT)
        ws.add(window("therapist", 100, 7.0));
        ws.add(window("client", 400, null));
        double expected = ws.stream()
                .filter(w -> w.role.equals("client") && w.anxietyIndex != null && w.endS > 0 && w.startS < 600)
                .mapToDouble(w -> w.anxietyIndex)
                .max()
                .orElseThrow();
        assertEquals(2.5, expected);
        assertEquals(expected, SessionRows.peakIndex(ws, Role.CLIENT, 600));
        assertEquals(7.0, SessionRows.peakIndex(ws, Role.THERAPIST, 600));
    }

    @Test
    void shouldTakeEveryWindowAfterTheStartWhenTheDurationIsUnknownAndNullWithoutAnIndex() {
        // before the video (ends at -30 s) the highest; after a video of unknown length the next
        List<WindowFeatures> ws = List.of(window("client", -60, 10.0), window("client", 900, 9.0));
        assertEquals(9.0, SessionRows.peakIndex(ws, Role.CLIENT, 0));
        assertEquals(9.0, SessionRows.peakIndex(ws, Role.CLIENT, Double.NaN));
        assertNull(SessionRows.peakIndex(ws, Role.CLIENT, 60));
        assertNull(SessionRows.peakIndex(List.of(window("client", 10, null)), Role.CLIENT, 600));
    }
}
