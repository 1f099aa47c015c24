package org.sessionreview.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.ScoringConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.BaselineRow;

class BaselineSourcesTest {
    private static final ScoringConfig CFG = ScoringConfig.defaults();

    @TempDir
    Path tmp;

    /** 20 minutes of client windows; SCL is 2.0 during 600-900 s and 5.0 elsewhere. */
    private static List<WindowFeatures> windows() {
        List<WindowFeatures> out = new ArrayList<>();
        for (int k = 0; k * 5 + 30 <= 1200; k++) {
            WindowFeatures w = new WindowFeatures();
            w.sessionId = "S";
            w.role = "client";
            w.startS = k * 5;
            w.endS = k * 5 + 30;
            w.edaQuality = 1;
            w.cardiacQuality = 1;
            w.edaSclUs = w.startS >= 600 && w.endS <= 900 ? 2.0 + 0.01 * (k % 3) : 5.0 + 0.01 * (k % 3);
            w.hrBpm = 70.0 + (k % 4);
            out.add(w);
        }
        return out;
    }

    private static SessionInfo info() {
        SessionInfo i = new SessionInfo();
        i.sessionId = "S";
        i.clientKey = "abc";
        i.therapistId = "T1";
        i.sessionNumber = 2;
        i.sessionDate = "2026-01-01";
        return i;
    }

    private static Annotation baseline(double from, double to, String actor) {
        Annotation a = new Annotation();
        a.code = "BASELINE";
        a.actor = actor;
        a.startS = from;
        a.endS = to;
        a.sourceFile = "S/codes.jsonl";
        a.sourceLine = 7;
        return a;
    }

    @Test
    void shouldUseCodedBaselineStretchWhenSessionCodesOne() {
        Baseline b = new CodedBaselineProvider(StoredBaselines.none())
                .baselineFor(info(), Role.CLIENT, windows(), List.of(baseline(600, 900, "dyad")), CFG);
        assertEquals(2.01, b.get(Feature.SCL).orElseThrow().median(), 1e-9);
        assertTrue(b.source().startsWith("coded BASELINE 600-900 s"), b.source());
    }

    @Test
    void shouldIgnoreCodedStretchesOfTheOtherWearerOrTooShortWhenChoosingBaseline() {
        CodedBaselineProvider p = new CodedBaselineProvider(StoredBaselines.none());
        Baseline b = p.baselineFor(
                info(),
                Role.CLIENT,
                windows(),
                List.of(baseline(600, 900, "therapist"), baseline(600, 630, "client")),
                CFG);
        assertEquals(5.01, b.get(Feature.SCL).orElseThrow().median(), 1e-9);
        assertTrue(b.source().startsWith("calibration 120-360 s"), b.source());
        // the short one is named, so the site sees why its rest period did not count
        assertTrue(b.source().endsWith("; coded BASELINE 600-630 s not used: 1 usable windows, 12 needed"), b.source());
    }

    @Test
    void shouldSayThatMovementEmptiedACodedStretch() {
        List<WindowFeatures> ws = windows();
        ws.stream().filter(w -> w.startS >= 600 && w.endS <= 900).forEach(w -> w.grossMovementS = 20);
        Baseline b = new CodedBaselineProvider(StoredBaselines.none())
                .baselineFor(info(), Role.CLIENT, ws, List.of(baseline(600, 900, "client")), CFG);
        assertTrue(
                b.source()
                        .endsWith("; coded BASELINE 600-900 s not used: 0 usable windows, 55 more with gross movement,"
                                + " 12 needed"),
                b.source());
    }

    @Test
    void shouldGoOnToTheCalibrationStretchWhenACodedStretchHoldsTooFewWindows() {
        // 600-675 s: 75 s hold 10 whole windows, fewer than the 12 a baseline needs. Before: the
        // stretch was taken (>= 60 s), every feature fell back to the whole session, SCL's median
        // came from the 5.0 level and the episode alike, and the text blamed the calibration stretch
        Baseline b = new CodedBaselineProvider(StoredBaselines.none())
                .baselineFor(info(), Role.CLIENT, windows(), List.of(baseline(600, 675, "dyad")), CFG);
        assertEquals(
                "calibration 120-360 s; coded BASELINE 600-675 s not used: 10 usable windows, 12 needed", b.source());
        assertEquals(
                BaselineEstimator.calibration(windows(), CFG).get(Feature.SCL).orElseThrow(),
                b.get(Feature.SCL).orElseThrow());
        // 85 s hold 12: used
        Baseline used = new CodedBaselineProvider(StoredBaselines.none())
                .baselineFor(info(), Role.CLIENT, windows(), List.of(baseline(600, 685, "dyad")), CFG);
        assertEquals("coded BASELINE 600-685 s (S/codes.jsonl line 7)", used.source());
        assertEquals(2.01, used.get(Feature.SCL).orElseThrow().median(), 1e-9);
    }

    @Test
    void shouldNameTheCodedStretchWhenSomeOfItsFeaturesFallBack() {
        List<WindowFeatures> ws = windows();
        for (WindowFeatures w : ws) {
            if (w.startS >= 600 && w.endS <= 900) {
                w.hrBpm = null; // no heart rate in the coded stretch
            }
        }
        Baseline b = new CodedBaselineProvider(StoredBaselines.none())
                .baselineFor(info(), Role.CLIENT, ws, List.of(baseline(600, 900, "dyad")), CFG);
        // before: "(calibration stretch had 0 usable windows)" for a coded stretch
        assertTrue(b.source().endsWith("(coded stretch had 0 usable windows)"), b.source());
        assertEquals(
                "coded_baseline+whole_session_fallback",
                org.sessionreview.export.Vocabulary.baselineCategory(b.source()));
    }

    @Test
    void shouldNameEachRowsOwnSourceWhenOnlySomeFeaturesFallBack() {
        // nineteenth audit: heart rate missing in the calibration stretch (minutes 2-6) only; every
        // baselines/ row read "calibration 120-360 s; whole session for HR (...)", so a researcher
        // filtering the rows by source could not tell which came from where, and baselines.json
        // left this session's calibration SCL out (StoredBaselines.pool skips "whole session")
        List<WindowFeatures> ws = windows();
        for (WindowFeatures w : ws) {
            if (w.startS >= 120 && w.endS <= 360) {
                w.hrBpm = null;
            }
        }
        Baseline b = BaselineEstimator.calibration(ws, CFG);
        assertTrue(b.source().startsWith("calibration 120-360 s; whole session for "), b.source());
        List<BaselineRow> rows = BaselineRows.of(info(), java.util.Map.of(Role.CLIENT, b));
        BaselineRow scl = rows.stream()
                .filter(r -> r.feature.equals("eda_scl_us"))
                .findFirst()
                .orElseThrow();
        BaselineRow hr = rows.stream()
                .filter(r -> r.feature.equals("hr_bpm"))
                .findFirst()
                .orElseThrow();
        assertEquals("calibration 120-360 s", scl.source);
        assertEquals(43, scl.windows);
        assertEquals("whole session (calibration stretch had 0 usable windows)", hr.source);
        StoredBaselines pooled = StoredBaselines.pool(rows);
        Baseline stored = pooled.lookup("client:abc");
        assertEquals(5.01, stored.get(Feature.SCL).orElseThrow().median(), 1e-12, "the calibration SCL is pooled");
        assertTrue(stored.get(Feature.HR).isEmpty(), "the whole-session HR is not");
        // ... and a later run with those stored baselines scores HR against its own estimate, not
        // at all (review of 2026-12-07: with --baselines, z(HR) was null in every window)
        Baseline later = new CodedBaselineProvider(pooled).baselineFor(info(), Role.CLIENT, ws, List.of(), CFG);
        assertEquals(5.01, later.get(Feature.SCL).orElseThrow().median(), 1e-12, "the stored SCL");
        assertEquals(
                b.get(Feature.HR).orElseThrow().median(),
                later.get(Feature.HR).orElseThrow().median(),
                1e-12,
                "the session's own HR");
        assertEquals("whole session (calibration stretch had 0 usable windows)", later.sourceOf(Feature.HR));
        assertEquals(stored.source(), later.sourceOf(Feature.SCL));
        // the session's baseline_source says which features it scored against itself
        assertEquals(stored.source() + "; this session's own for HR", later.source());
    }

    @Test
    void shouldGiveEachFallenBackFeatureItsOwnCountOfUsableWindows() {
        List<WindowFeatures> ws = windows();
        int kept = 0;
        for (WindowFeatures w : ws) {
            w.hrvRmssdMs = 40.0 + (w.startS % 7);
            if (w.startS >= 120 && w.endS <= 360) {
                w.hrBpm = null;
                if (kept++ >= 3) {
                    w.hrvRmssdMs = null;
                }
            }
        }
        Baseline b = BaselineEstimator.calibration(ws, CFG);
        // before (review of 2026-12-07): both rows said "had 3 usable windows", the larger count
        assertEquals("whole session (calibration stretch had 0 usable windows)", b.sourceOf(Feature.HR));
        assertEquals("whole session (calibration stretch had 3 usable windows)", b.sourceOf(Feature.RMSSD));
        assertEquals("calibration 120-360 s", b.sourceOf(Feature.SCL));
        // ... also when every feature fell back (a check of that fix: all three rows read 3)
        for (WindowFeatures w : ws) {
            if (w.startS >= 120 && w.endS <= 360) {
                w.edaSclUs = null;
            }
        }
        Baseline all = BaselineEstimator.calibration(ws, CFG);
        assertEquals("whole session (calibration stretch had 0 usable windows)", all.sourceOf(Feature.SCL));
        assertEquals("whole session (calibration stretch had 3 usable windows)", all.sourceOf(Feature.RMSSD));
    }

    @Test
    void shouldPoolAndReadBackStoredBaselinesWhenWrittenByARun() throws Exception {
        List<BaselineRow> rows = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            SessionInfo i = info();
            i.sessionId = "S" + s;
            Baseline b = Baseline.builder("calibration 120-360 s")
                    .put(Feature.SCL, new FeatureBaseline(3.0 + s, 0.1 * (s + 1), 40))
                    .build();
            rows.addAll(BaselineRows.of(i, java.util.Map.of(Role.CLIENT, b)));
        }
        Baseline fallback = Baseline.builder("whole session (calibration stretch had 2 usable windows)")
                .put(Feature.SCL, new FeatureBaseline(100, 1, 3))
                .build();
        rows.addAll(BaselineRows.of(info(), java.util.Map.of(Role.CLIENT, fallback)));
        Path file = tmp.resolve("baselines.json");
        StoredBaselines.pool(rows).write(file);
        StoredBaselines read = StoredBaselines.read(file);
        Baseline b = read.lookup("client:abc");
        assertEquals(
                4.0, b.get(Feature.SCL).orElseThrow().median(), 1e-12, "median of 3, 4, 5; the fallback is not pooled");
        assertEquals(0.2, b.get(Feature.SCL).orElseThrow().mad(), 1e-12);
        assertTrue(b.source().contains("3 sessions"), b.source());
        Baseline chosen = new CodedBaselineProvider(read).baselineFor(info(), Role.CLIENT, windows(), List.of(), CFG);
        assertTrue(chosen.source().startsWith("stored baseline from baselines.json"), chosen.source());
        // a hand-edited source (a name, a note) is not carried into the tables (privacy audit)
        String edited = Files.readString(file).replace("3 sessions", "Jane Doe, see notes");
        Path handEdited = Files.writeString(tmp.resolve("edited.json"), edited);
        String source = StoredBaselines.read(handEdited).lookup("client:abc").source();
        assertEquals("stored baseline from edited.json (earlier runs)", source);
    }

    @Test
    void shouldRefuseBaselinesFileWhenItIsNotOurs() throws Exception {
        Path bad = Files.writeString(tmp.resolve("x.json"), "{\"people\": {}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoredBaselines.read(bad));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
        Path badFeature = Files.writeString(
                tmp.resolve("y.json"),
                "{\"format\": \"" + StoredBaselines.FORMAT
                        + "\", \"people\": {\"client:a\": {\"features\": {\"nope\": {\"median\": 1, \"mad\": 1}}}}}");
        e = assertThrows(IllegalArgumentException.class, () -> StoredBaselines.read(badFeature));
        assertTrue(e.getMessage().contains("unknown feature column 'nope'"), e.getMessage());
    }
}
