package org.sessionreview.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.FeatureConfig;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.ArtifactRow;
import org.sessionreview.report.BeatRow;

/**
 * A wristband lying on a table (EDA 0.01 uS, room temperature, a still accelerometer, a pulse
 * wave of noise, no device beats) is masked in every channel: no beat is accepted there, every
 * channel's quality is 0 and every feature null, and the stretch is one {@code not_worn} row.
 */
class WearerWindowerNotWornTest {
    private static final FeatureConfig CONFIG = FeatureConfig.defaults();
    private static final long T0 = SyntheticWearer.T0;
    /** The band lies on the table from 4:00 to 7:00 of ten minutes. */
    private static final double OFF_FROM_S = 240;

    private static final double OFF_TO_S = 420;

    private static SyntheticWearer wearer() {
        return new SyntheticWearer().duration(600).scr(100, 0.3).pulseWave();
    }

    private static boolean inside(double fromS, double toS) {
        return fromS >= OFF_FROM_S && toS <= OFF_TO_S;
    }

    @Test
    void shouldReportTheStretchAsOneNotWornRowOfTheWholeBand() {
        WindowerRuns.Drained off = WindowerRuns.drained(WindowerRuns.blocks(wearer().notWorn(OFF_FROM_S, OFF_TO_S)));

        List<ArtifactRow> rows = off.events().artifacts.stream()
                .filter(r -> r.kind.equals("not_worn"))
                .toList();
        assertEquals(1, rows.size(), "one row for the whole stretch, not one per core: " + rows.size());
        ArtifactRow row = rows.get(0);
        assertEquals("E4", row.channel, "the whole wristband");
        assertEquals("client", row.role);
        assertEquals(OFF_FROM_S, row.startS, 1e-9);
        assertEquals(OFF_TO_S, row.endS, 1e-9);
    }

    @Test
    void shouldMaskEveryChannelWhenTheBandLiesOnATable() {
        WindowerRuns.Drained off = WindowerRuns.drained(WindowerRuns.blocks(wearer().notWorn(OFF_FROM_S, OFF_TO_S)));

        // the noise gives the pulse-wave detector no beat inside: it sees masked samples only
        List<BeatRow> insideBeats = off.events().beats.stream()
                .filter(b -> b.tS >= OFF_FROM_S && b.tS < OFF_TO_S)
                .toList();
        assertTrue(insideBeats.stream().noneMatch(b -> b.accepted), "an accepted beat on the table");

        int masked = 0;
        for (WindowFeatures w : off.windows()) {
            if (!inside(w.startS, w.endS)) {
                continue;
            }
            masked++;
            assertEquals(0.0, w.edaQuality, "EDA at " + w.startS);
            assertEquals(0.0, w.cardiacQuality, "cardiac at " + w.startS);
            assertEquals(0.0, w.accQuality, "ACC at " + w.startS);
            assertEquals(0.0, w.tempQuality, "TEMP at " + w.startS);
            // every feature the anxiety index weighs is null, so the index is null there
            assertNull(w.edaSclUs);
            assertNull(w.edaScrPerMin);
            assertNull(w.hrBpm, "no heart rate from the trailing worn minute or the device's HR at " + w.startS);
            assertNull(w.hrvRmssdMs);
            assertNull(w.hrvSdnnMs);
            assertNull(w.hrvLfHf);
            assertNull(w.motionMagG);
            assertNull(w.fidgetPower);
            assertNull(w.tempSlopeCPerMin);
        }
        assertEquals((int) ((OFF_TO_S - OFF_FROM_S - CONFIG.windowSeconds()) / CONFIG.hopSeconds()) + 1, masked);
    }

    @Test
    void shouldLeaveTheOtherChannelsAloneWhenOnlyTheEdaSaysOff() {
        // the same stretch with a warm skin temperature (a worn band with dry electrodes): the
        // rule needs both sensors, so the pulse-wave noise reaches the beat detector as before,
        // which accepts beats in it; this is what the mask removes when both say off
        WindowerRuns.Drained run = WindowerRuns.drained(
                WindowerRuns.blocks(wearer().notWorn(OFF_FROM_S, OFF_TO_S).tableTemperature(33)));
        assertTrue(run.events().artifacts.stream().noneMatch(r -> r.kind.equals("not_worn")));
        long accepted = run.events().beats.stream()
                .filter(b -> b.tS >= OFF_FROM_S && b.tS < OFF_TO_S && b.accepted)
                .count();
        System.out.println("pulse-wave noise on a warm band: " + accepted + " beats accepted");
        assertTrue(accepted > 0, "the fixture's noise must look like beats to the detector");
        WindowFeatures mid = run.windows().stream()
                .filter(w -> w.startS == OFF_FROM_S + 60)
                .findFirst()
                .orElseThrow();
        assertEquals(1.0, mid.accQuality);
        assertNotNull(mid.hrBpm);
    }

    @Test
    void shouldLeaveTheWornMinutesBeforeAsTheyWereWhenTheBandIsTakenOffLater() {
        WindowerRuns.Drained worn = WindowerRuns.drained(WindowerRuns.blocks(wearer()));
        WindowerRuns.Drained off = WindowerRuns.drained(WindowerRuns.blocks(wearer().notWorn(OFF_FROM_S, OFF_TO_S)));
        // the windows ending before the stretch, less the look-ahead of the streaming EDA tonic (20
        // s, which sees the contact loss coming as it always has), are untouched
        List<WindowFeatures> before = off.windows().stream()
                .filter(w -> w.endS <= OFF_FROM_S - CONFIG.edaConfig().lookAheadSeconds())
                .toList();
        assertTrue(before.size() > 30);
        WindowerRuns.assertSameWindows(worn.windows().subList(0, before.size()), before);
        // and once it is back on the wrist for a minute, heart rate returns
        WindowFeatures after = off.windows().stream()
                .filter(w -> w.startS == OFF_TO_S + 60)
                .findFirst()
                .orElseThrow();
        assertNotNull(after.hrBpm);
        assertEquals(1.0, after.accQuality);
    }

    @Test
    void shouldGiveTheSameRowsAndWindowsWhenChannelsInterleaveDifferently() {
        SyntheticWearer w = wearer().notWorn(OFF_FROM_S, OFF_TO_S);
        List<SampleBlock> live = WindowerRuns.live(WindowerRuns.blocks(w));
        WindowerRuns.Drained a = WindowerRuns.drained(live);
        WindowerRuns.Drained b = WindowerRuns.drained(WindowerRuns.shuffled(live, 30_000, 7));
        WindowerRuns.Drained c = WindowerRuns.drained(WindowerRuns.reversedChannels(live));
        WindowerRuns.assertSameWindows(a.windows(), b.windows());
        WindowerRuns.assertSameWindows(a.windows(), c.windows());
        assertEquals(describe(a.events().artifacts), describe(b.events().artifacts));
        assertEquals(describe(a.events().artifacts), describe(c.events().artifacts));
    }

    private static List<String> describe(List<ArtifactRow> rows) {
        return rows.stream()
                .sorted(Comparator.comparing((ArtifactRow r) -> r.kind).thenComparingDouble(r -> r.startS))
                .map(r -> r.channel + " " + r.kind + " " + r.startS + ".." + r.endS)
                .toList();
    }
}
