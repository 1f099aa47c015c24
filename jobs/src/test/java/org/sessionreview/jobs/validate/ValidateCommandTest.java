package org.sessionreview.jobs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.config.ScoringOptions;
import org.sessionreview.jobs.CliRun;
import org.sessionreview.jobs.Paths;
import org.sessionreview.validation.RecordingValidation;
import org.sessionreview.validation.TaskLabels;

/**
 * {@code validate} from the command line on a real Stress-Predict recording (S05), its labels given
 * once in the recording's own file and once in a file of several participants in the layout of the
 * dataset's {@code Improved_All_Combined_hr_rsp_binary.csv}.
 */
class ValidateCommandTest {
    @TempDir
    Path tmp;

    /** A recordings root: S05's E4 files in folder {@code S05}, without its labels, and an unlabelled {@code S20}. */
    private Path root() throws Exception {
        Path s05 = Paths.shared("e4/stress-predict-S05");
        Path dir = Files.createDirectories(tmp.resolve("Raw_data/S05"));
        for (String f : List.of("EDA.csv", "BVP.csv", "ACC.csv", "TEMP.csv", "HR.csv", "IBI.csv")) {
            Files.createSymbolicLink(dir.resolve(f), s05.resolve(f));
        }
        Path other = Files.createDirectories(tmp.resolve("Raw_data/S20"));
        Files.copy(s05.resolve("TEMP.csv"), other.resolve("TEMP.csv"));
        Files.createDirectories(tmp.resolve("Raw_data/notes"));
        return tmp.resolve("Raw_data");
    }

    /** S05's labels as participant 5 of a combined file, with rows of participant 2 and two bad rows. */
    private Path combinedLabels() throws Exception {
        List<String> own = Files.readAllLines(Paths.shared("e4/stress-predict-S05/labels_S05.csv"));
        StringBuilder b = new StringBuilder("Participant,HR,respr,Time(sec),Label\n");
        b.append("2,80.1,15.2,1600000000,1\n");
        for (String line : own.subList(1, own.size())) {
            String[] f = line.split(",");
            b.append("5,NaN,,").append(f[0]).append(',').append(f[1]).append('\n');
        }
        b.append("5,70,14,1600000001,stress\n");
        b.append("5,70,14,,1\n");
        Path file = tmp.resolve("Improved_All_Combined_hr_rsp_binary.csv");
        Files.writeString(file, b.toString());
        return file;
    }

    @Test
    void shouldPrintTheAucOfEachLabelledRecordingAndTheirMedianWhenGivenACombinedLabelsFile() throws Exception {
        Path root = root();
        Path labels = combinedLabels();
        Path json = tmp.resolve("figures.json");
        CliRun r = CliRun.of(
                "validate", "--recordings", root.toString(), "--labels", labels.toString(), "--out", json.toString());
        assertEquals(0, r.code(), r.err());

        Map<Long, Integer> own = TaskLabels.read(Paths.shared("e4/stress-predict-S05/labels_S05.csv"))
                .forRecording("S05")
                .orElseThrow();
        RecordingValidation.Result expected =
                RecordingValidation.run(root.resolve("S05"), "S05", own, PipelineConfig.defaults());
        assertTrue(expected.stress() > 50 && expected.rest() > 50, expected.toString());

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        JsonNode s05 = doc.get("recordings").get(0);
        assertEquals("S05", s05.get("recording").asText());
        assertEquals(expected.auc(), s05.get("auc").asDouble(), 1e-12);
        assertEquals(expected.stress(), s05.get("stress").asInt());
        assertEquals(expected.rest(), s05.get("rest").asInt());
        assertEquals("S20", doc.get("recordings").get(1).get("recording").asText(), "notes/ holds no E4 file");
        assertTrue(doc.get("recordings").get(1).get("notes").asText().contains("no labels"));
        assertEquals(2, doc.get("recordings").size());
        assertEquals(1, doc.get("recordings_with_auc").asInt());
        assertEquals(expected.auc(), doc.get("median_auc").asDouble(), 1e-12);
        // the JSON alone says what was read and who was left out (found by an audit)
        assertEquals(own.size() + 3, doc.get("labels_rows").get("rows_read").asLong());
        assertEquals(own.size() + 1, doc.get("labels_rows").get("rows_accepted").asLong());
        assertEquals(2, doc.get("labels_rows").get("rows_rejected").asLong());
        assertEquals("[\"2\"]", doc.get("labelled_without_recording").toString());

        String out = r.out();
        String auc = String.format(java.util.Locale.ROOT, "%.3f", expected.auc());
        assertTrue(out.contains("rows read = " + (own.size() + 1) + " accepted + 2 rejected, 2 participants"), out);
        assertTrue(out.contains(labels + ", line " + (own.size() + 3) + ": the label is not 0 or 1"), out);
        assertTrue(out.contains(labels + ", line " + (own.size() + 4) + ": the time is not a number"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("S05") && l.contains(auc)), out);
        assertTrue(out.contains("median window AUC " + auc + " over 1 recordings"), out);
        assertTrue(out.contains("labelled participants without a recording folder: 2"), out);
    }

    @Test
    void shouldUseEachFoldersOwnLabelsAndTheReviewsParametersWhenSet() throws Exception {
        Path root = root();
        Files.copy(Paths.shared("e4/stress-predict-S05/labels_S05.csv"), root.resolve("S05/labels_S05.csv"));
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        assertEquals(
                0,
                CliRun.of("validate", "--recordings", root.toString(), "--out", a.toString())
                        .code());
        assertEquals(
                0,
                CliRun.of(
                                "validate",
                                "--recordings",
                                root.resolve("S05").toString(),
                                "--threads",
                                "1",
                                "--set",
                                ScoringOptions.WEIGHT_HR.key() + "=0",
                                "--out",
                                b.toString())
                        .code());
        ObjectMapper m = new ObjectMapper();
        double defaults = m.readTree(a.toFile()).get("median_auc").asDouble();
        Map<Long, Integer> own = TaskLabels.read(root.resolve("S05/labels_S05.csv"))
                .forRecording("S05")
                .orElseThrow();
        double noHr = RecordingValidation.run(
                        root.resolve("S05"),
                        "S05",
                        own,
                        PipelineConfig.builder()
                                .set(ScoringOptions.WEIGHT_HR, 0.0)
                                .build())
                .auc();
        assertEquals(noHr, m.readTree(b.toFile()).get("median_auc").asDouble(), 1e-12);
        assertTrue(Math.abs(noHr - defaults) > 1e-3, "the HR weight changes the AUC: " + noHr + " " + defaults);
        assertEquals(
                "0",
                m.readTree(b.toFile())
                        .get("parameters")
                        .get(ScoringOptions.WEIGHT_HR.key())
                        .asText()
                        .replace(".0", ""));
    }

    @Test
    void shouldRefuseUnusableArgumentsAndLabelsWithExitCode2() throws Exception {
        CliRun none = CliRun.of("validate");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--recordings DIR is required"), none.err());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun noRecordings = CliRun.of("validate", "--recordings", empty.toString());
        assertEquals(2, noRecordings.code());
        assertTrue(noRecordings.err().contains("holds no E4 recording"), noRecordings.err());
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "subject,when,label\nS05,1,0\n");
        Path root = root();
        CliRun badLabels = CliRun.of("validate", "--recordings", root.toString(), "--labels", bad.toString());
        assertEquals(2, badLabels.code());
        assertTrue(badLabels.err().contains(bad + ", line 1: the header names no time column"), badLabels.err());
        // found by an audit: both were scored with exit 0 and wrong or missing labels
        Path noParticipant = tmp.resolve("noParticipant.csv");
        Files.writeString(noParticipant, "unix_time_s,label\n1,0\n");
        CliRun mixed = CliRun.of("validate", "--recordings", root.toString(), "--labels", noParticipant.toString());
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("has no participant column"), mixed.err());
        Path cut = tmp.resolve("cut.csv");
        Files.writeString(cut, "participant,unix_time_s,label\n5,1,0\n\"5,2,1\n20,3,1\n");
        CliRun unreadable = CliRun.of("validate", "--recordings", root.toString(), "--labels", cut.toString());
        assertEquals(2, unreadable.code());
        assertTrue(unreadable.err().contains("cannot be read past line 3"), unreadable.err());
        assertEquals(
                2,
                CliRun.of("validate", "--recordings", empty.toString(), "--set", "no.such.key=1")
                        .code());
        assertEquals(
                2,
                CliRun.of("validate", "--recordings", empty.toString(), "--threads", "0")
                        .code());
    }

    @Test
    void shouldFindRecordingsInEveryLayoutAReviewReads() throws Exception {
        // found by an audit: a nested folder, an E4 Connect zip and lower-case names were left out
        // (and named as labelled participants without a folder)
        Path root = Files.createDirectories(tmp.resolve("layouts"));
        Files.writeString(Files.createDirectories(root.resolve("S02")).resolve("EDA.csv"), "1.0\n4.0\n");
        Files.writeString(Files.createDirectories(root.resolve("S14/S14")).resolve("EDA.csv"), "1.0\n4.0\n");
        Files.write(Files.createDirectories(root.resolve("S15")).resolve("1495437000_A01234.zip"), new byte[] {1});
        Files.writeString(Files.createDirectories(root.resolve("S26")).resolve("eda.csv"), "1.0\n4.0\n");
        Files.writeString(Files.createDirectories(root.resolve("S27")).resolve("TEMP.csv.gz"), "x");
        Files.writeString(Files.createDirectories(root.resolve("notes")).resolve("readme.txt"), "x");
        Files.createDirectories(root.resolve("two/a"));
        Files.writeString(root.resolve("two/a/EDA.csv"), "1.0\n4.0\n");
        Files.writeString(Files.createDirectories(root.resolve("two/b")).resolve("EDA.csv"), "1.0\n4.0\n");
        assertEquals(
                List.of("S02", "S14", "S15", "S26", "S27"),
                ValidateCommand.recordings(root).stream()
                        .map(p -> p.getFileName().toString())
                        .toList());
        assertEquals(List.of(root.resolve("S02")), ValidateCommand.recordings(root.resolve("S02")));
    }
}
