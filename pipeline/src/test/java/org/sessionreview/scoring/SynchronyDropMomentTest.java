package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.MomentRow;
import org.sessionreview.signal.synchrony.Leader;
import org.sessionreview.signal.synchrony.SynchronyWindow;
import org.sessionreview.signal.synchrony.WindowStatus;

/** The synchrony-drop moment after an unaddressed rupture: its span and its cut at the video's end. */
class SynchronyDropMomentTest {

    /** Windows every 5 s up to {@code toS}: mean |z| 0.9 (alternating 0.02) except 0.2 from {@code lowFromS}. */
    private static List<SynchronyWindow> windows(double toS, double lowFromS) {
        List<SynchronyWindow> ws = new ArrayList<>();
        for (int i = 0; 5.0 * i + 30 <= toS; i++) {
            double start = 5.0 * i;
            double z = start + 15 >= lowFromS ? 0.2 + (i % 2) * 0.02 : 0.9 + (i % 2) * 0.02;
            ws.add(new SynchronyWindow(start, start + 30, WindowStatus.OK, 1.0, z, z, 0.0, z, z, z, Leader.NONE));
        }
        return ws;
    }

    private static List<MomentRow> drops(SessionInfo info, double ruptureS, double dataToS) {
        String id = info.sessionId;
        List<WindowFeatures> ws = new ArrayList<>(SyntheticSession.windows(id, "client", dataToS, 11));
        ws.addAll(SyntheticSession.windows(id, "therapist", dataToS, 12));
        List<Annotation> coded = List.of(
                SyntheticSession.annotation(id, "INT_VALIDATION", "therapist", 300, null),
                SyntheticSession.annotation(id, "RUP_W_MINIMAL", "client", ruptureS, null));
        SessionReview review = new SessionReviewer().review(info, ws, coded, ScoringConfig.defaults());
        DyadSynchrony.Result sync = new DyadSynchrony.Result(List.of(), windows(dataToS, ruptureS), null);
        return CodedEventsStep.apply(
                        info,
                        review,
                        coded,
                        sync,
                        review.sessionRow(),
                        RuptureConfig.defaults(),
                        SynchronyConfig.defaults())
                .moments()
                .stream()
                .filter(m -> m.kind.equals("synchrony_drop"))
                .toList();
    }

    @Test
    void shouldSpanThe300sAfterAnUnaddressedRupture() {
        List<MomentRow> d = drops(SyntheticSession.info("S1"), 900, 1800);
        assertEquals(1, d.size(), d.toString());
        assertEquals(900, d.get(0).startS, 1e-9);
        assertEquals(1200, d.get(0).endS, 1e-9);
    }

    @Test
    void shouldEndAtTheVideosEndWhenTheRuptureComesLate() {
        // found by the live audit: a drop at 1911 s ran to 2211 s in a 1971 s video; the data here
        // run on past the 1800 s video
        List<MomentRow> d = drops(SyntheticSession.info("S1"), 1650, 2100);
        assertEquals(1, d.size(), d.toString());
        assertEquals(1650, d.get(0).startS, 1e-9);
        assertEquals(1800, d.get(0).endS, 1e-9, "cut at the video's end");
        // 30 windows centred in [1650, 1800) against the 327 centred before 1650; the low windows
        // after the video (centres from 1800) are neither (before: in the reference, 385 windows)
        assertTrue(d.get(0).evidence.contains(" in 30 windows vs "), d.get(0).evidence);
        assertTrue(d.get(0).evidence.contains(" in 327 windows of the rest of the session"), d.get(0).evidence);
    }
}
