package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Channel;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;

/** Beat times rebuilt from block-relative ones rebase to the very same doubles. */
class IbiOffsetsTest {
    private static final long[] BLOCK_MILLIS = {30_000, 1_000, 2_500, 7, 29_999, 60_000, 333};

    @Test
    void shouldRebaseBackBitForBitWhenOffsetsAndBlocksAreRandom() {
        Random rng = new Random(20260302);
        int notTheOriginal = 0;
        for (int i = 0; i < 300_000; i++) {
            long blockMillis = BLOCK_MILLIS[rng.nextInt(BLOCK_MILLIS.length)];
            double x = randomOffset(rng, i % 4);
            long k = (long) Math.floor(x * 1000.0 / blockMillis);
            double rel = (x * 1000.0 - k * blockMillis) / 1000.0; // as BlockSplitter rebases
            double back = IbiOffsets.toStream(rel, k, blockMillis, "#" + i);
            assertEquals(k, (long) Math.floor(back * 1000.0 / blockMillis), "block of x=" + x);
            assertEquals(
                    Double.doubleToLongBits(rel),
                    Double.doubleToLongBits((back * 1000.0 - k * blockMillis) / 1000.0),
                    () -> String.format(
                            Locale.ROOT, "x=%s block %d ms k=%d rel=%s back=%s", x, blockMillis, k, rel, back));
            if (back != x) {
                notTheOriginal++;
            }
        }
        // several doubles may rebase to one rel; any of them will do, and they are rare
        assertTrue(notTheOriginal < 30_000, "rebuilt a different (equivalent) time " + notTheOriginal + " times");
    }

    @Test
    void shouldGiveTheSameBlocksWhenTheRebuiltBeatsAreSplitAgain() {
        Random rng = new Random(7);
        for (long blockMillis : BLOCK_MILLIS) {
            if (blockMillis < 1000) {
                continue; // BlockSplitter would make too many empty blocks
            }
            double[] offsets = new double[2000];
            double t = 0;
            for (int i = 0; i < offsets.length; i++) {
                t += 0.3 + rng.nextDouble() * (i % 97 == 0 ? 80 : 1);
                offsets[i] = i % 2 == 0 ? Math.round(t * 64) / 64.0 : t;
            }
            double[] intervals = new double[offsets.length];
            Arrays.fill(intervals, 0.8);
            List<SampleBlock> blocks = split(E4Channel.ibi(1_000_000_123L, offsets, intervals), blockMillis);
            double[] rebuilt = new double[offsets.length];
            for (SampleBlock b : blocks) {
                long k = (b.startMillis - 1_000_000_123L) / blockMillis;
                for (int i = 0; i < b.offsetsS.length; i++) {
                    rebuilt[(int) b.firstIndex + i] = IbiOffsets.toStream(b.offsetsS[i], k, blockMillis, "#" + i);
                }
            }
            List<SampleBlock> again = split(E4Channel.ibi(1_000_000_123L, rebuilt, intervals), blockMillis);
            assertEquals(blocks.size(), again.size());
            for (int j = 0; j < blocks.size(); j++) {
                assertArrayEquals(
                        blocks.get(j).offsetsS,
                        again.get(j).offsetsS,
                        0.0,
                        "block " + j + " of " + blockMillis + " ms");
                assertEquals(blocks.get(j), again.get(j));
            }
        }
    }

    @Test
    void shouldThrowNamingTheBeatWhenNoTimeInTheBlockRebasesToTheOffset() {
        IllegalStateException before = assertThrows(
                IllegalStateException.class,
                () -> IbiOffsets.toStream(-0.5, 3, 30_000, "#12 of session S1, wearer client"));
        assertTrue(before.getMessage().contains("#12 of session S1, wearer client"), before.getMessage());
        assertTrue(before.getMessage().contains("block 3"), before.getMessage());
        // a time past the block's end belongs to the next block
        assertThrows(IllegalStateException.class, () -> IbiOffsets.toStream(30.25, 0, 30_000, "#1"));
    }

    /** Offsets as an E4 writes them (1/64 s, 6 decimals) or arbitrary doubles, up to 4 hours. */
    private static double randomOffset(Random rng, int kind) {
        double s = rng.nextDouble() * 4 * 3600;
        return switch (kind) {
            case 0 -> Math.round(s * 64) / 64.0;
            case 1 -> Double.parseDouble(String.format(Locale.ROOT, "%.6f", s));
            case 2 -> rng.nextDouble() * 100; // near the origin: small k
            default -> s;
        };
    }

    private static List<SampleBlock> split(E4Channel ibi, long blockMillis) {
        PipelineConfig config = PipelineConfig.builder()
                .setText("features.block_s", String.valueOf(blockMillis / 1000.0))
                .build();
        assertEquals(blockMillis, config.features().blockMillis());
        return new BlockSplitter(config.features()).split(ibi, "S1", Role.CLIENT, 0, 0);
    }
}
