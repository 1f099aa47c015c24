package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.config.IngestOptions;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;
import org.sessionreview.testing.SharedData;

/** Single extreme samples are rejected by their channel's range; real recordings lose none. */
class E4SampleRangesTest {
    private static final long START_S = 1_600_000_000L;

    @TempDir
    Path tmp;

    private E4Recording read(String name, String... samples) throws IOException {
        String rate = name.startsWith("BVP") ? "64" : name.startsWith("HR") ? "1" : "4";
        Files.writeString(tmp.resolve(name), START_S + "\n" + rate + "\n" + String.join("\n", samples) + "\n");
        E4Recording rec = E4Reader.read(tmp, "s", "w");
        for (E4FileReport r : rec.reports()) {
            assertEquals(r.recordsRead(), r.recordsAccepted() + r.recordsRejected(), r.toString());
        }
        return rec;
    }

    private static void assertOneRejectAtLine4(E4Recording rec, Channel c, double kept, String reason) {
        E4Channel data = rec.channel(c).orElseThrow();
        assertEquals(3, data.sampleCount());
        assertEquals(kept, data.value(0, 0));
        assertTrue(Double.isNaN(data.value(1, 0)), "the extreme sample stays missing");
        assertEquals(kept, data.value(2, 0)); // and the next keeps its time
        E4FileReport report = rec.files().get(c);
        assertEquals(1, report.recordsRejected());
        Reject r = report.rejects().get(0);
        assertEquals(4, r.line);
        assertEquals(reason, r.reason);
    }

    @Test
    void shouldRejectSingleExtremeSamplesWithTheirLineAndRange() throws IOException {
        // before: each was read as a sample (EDA 1e23 uS swamped every EDA feature of its windows)
        assertOneRejectAtLine4(
                read("EDA.csv", "0.5", "1e23", "0.5"),
                Channel.EDA,
                0.5,
                "EDA 1.00000e+23 uS is outside the plausible range 0 to 100 uS (ingest.e4_eda_max_us): a damaged value");
        assertOneRejectAtLine4(
                read("HR.csv", "72", "5000", "72"),
                Channel.HR,
                72,
                "heart rate 5000 bpm is outside the plausible range 20 to 250 bpm (ingest.e4_hr_min_bpm/_max_bpm): a"
                        + " damaged value");
        assertOneRejectAtLine4(
                read("TEMP.csv", "33.1", "900", "33.1"),
                Channel.TEMP,
                33.1,
                "skin temperature 900 degC is outside the plausible range -20 to 60 degC"
                        + " (ingest.e4_temp_min_c/_max_c): a damaged value");
        assertOneRejectAtLine4(
                read("BVP.csv", "-12.5", "-1e9", "-12.5"),
                Channel.BVP,
                -12.5,
                "BVP -1000000000 is outside the plausible range -100000 to 100000 (ingest.e4_bvp_max_abs): a damaged"
                        + " value");
        assertEquals(
                "EDA -0.2 uS is outside the plausible range 0 to 100 uS (ingest.e4_eda_max_us): a damaged value",
                read("EDA.csv", "0.5", "-0.2", "0.5")
                        .files()
                        .get(Channel.EDA)
                        .rejects()
                        .get(0)
                        .reason);
    }

    @Test
    void shouldStillNameTheUnitWhenEverySampleIsOutOfRangeBecauseOfIt() throws IOException {
        // EDA in nanosiemens: every sample past 100 uS, but the file's problem is its unit
        E4Recording rec = read("EDA.csv", "630", "640", "650", "660");
        E4FileReport report = rec.files().get(Channel.EDA);
        assertFalse(rec.channel(Channel.EDA).isPresent());
        assertEquals(4, report.recordsRejected());
        assertEquals(1, report.rejects().size(), report.rejects().toString());
        assertTrue(
                report.rejects().get(0).reason.contains("nanosiemens?"),
                report.rejects().get(0).reason);
    }

    @Test
    void shouldTakeTheRangesFromTheConfigurationAndRefuseAnEmptyOne() throws IOException {
        PipelineConfig config =
                PipelineConfig.builder().set(IngestOptions.E4_HR_MAX_BPM, 180.0).build();
        E4SampleRanges ranges = E4SampleRanges.of(config);
        assertEquals(180, ranges.hrMaxBpm());
        assertTrue(ranges.problem(Channel.HR, new double[] {190}).startsWith("heart rate 190 bpm"));
        assertEquals(null, ranges.problem(Channel.HR, new double[] {170}));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PipelineConfig.builder()
                        .set(IngestOptions.E4_TEMP_MIN_C, 40.0)
                        .set(IngestOptions.E4_TEMP_MAX_C, 30.0)
                        .build());
        assertEquals("ingest.e4_temp_min_c must be < ingest.e4_temp_max_c", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "flirt-truncated",
                "msr2023",
                "stress-predict-S01",
                "stress-predict-S02",
                "stress-predict-S03",
                "stress-predict-S04",
                "stress-predict-S05",
                "stress-predict-S06",
                "stress-predict-S07",
                "stress-predict-S08"
            })
    void shouldRejectNoSampleOfARealRecording(String folder) throws IOException {
        E4Recording rec = E4Reader.read(SharedData.resolve("e4/" + folder), folder);
        List<String> rangeRejects = rec.reports().stream()
                .flatMap(r -> r.rejects().stream())
                .filter(r ->
                        E4SampleRanges.isRangeReason(r.reason)) // before the prefix: ACC's reason starts with its text
                .map(r -> r.sourceFile + ":" + r.line + " " + r.reason)
                .toList();
        assertEquals(List.of(), rangeRejects);
        for (Channel c : List.of(Channel.EDA, Channel.TEMP, Channel.HR, Channel.BVP, Channel.ACC)) {
            assertTrue(rec.channel(c).isPresent(), folder + " " + c);
        }
    }
}
