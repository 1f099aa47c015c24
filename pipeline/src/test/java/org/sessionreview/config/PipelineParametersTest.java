package org.sessionreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One declaration per option, one key per parameter: {@link PipelineConfig#parameters()} lists
 * exactly the declared options, each with its value, the footer adds only version, methods and
 * the key's source, and changing any option changes its own entry and no other.
 */
class PipelineParametersTest {
    /** Footer entries that are not parameters. */
    static final Set<String> FIXED = Set.of("version", "commit", "flink_version", "methods", "pseudonym_key");

    @Test
    void shouldGiveTheReadmeTheNumberOfDeclaredOptions() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`IngestOptions`: (\\d+) options")
                .matcher(readme);
        assertTrue(m.find(), "the README's Methods section names the number of options");
        assertEquals(PipelineConfig.ALL.size(), Integer.parseInt(m.group(1)));
    }

    @Test
    void shouldListExactlyTheDeclaredOptionsOnceEach() {
        List<String> keys = PipelineConfig.ALL.stream().map(ConfigOption::key).toList();
        assertEquals(keys.size(), new TreeSet<>(keys).size(), "a key declared twice: " + keys);
        assertEquals(new TreeSet<>(keys), PipelineConfig.defaults().parameters().keySet());
        assertEquals(
                new ArrayList<>(new TreeSet<>(keys)),
                new ArrayList<>(PipelineConfig.defaults().parameters().keySet()),
                "sorted by key");
        assertTrue(
                keys.stream().noneMatch(k -> k.contains("eda_tonic_method")),
                "the per-window tonic step no longer runs");
        System.out.println("declared options per component: "
                + keys.stream()
                        .collect(Collectors.groupingBy(
                                k -> k.substring(0, k.indexOf('.')), java.util.TreeMap::new, Collectors.counting()))
                + ", total " + keys.size());
    }

    @Test
    void shouldPutExactlyTheParametersIntoFootersAndRunJson() {
        PipelineConfig c = PipelineConfig.defaults();
        Map<String, String> provenance = c.provenance(true);
        Map<String, String> withoutFixed = new HashMap<>(provenance);
        FIXED.forEach(withoutFixed::remove);
        assertEquals(c.parameters(), withoutFixed);
        assertTrue(provenance.keySet().containsAll(FIXED));
        // the build, as run.json's tool.commit names it (ninth audit: the footer said only 0.1.0-SNAPSHOT)
        assertEquals(org.sessionreview.Version.commit(), provenance.get("commit"));
        Map<String, String> runJson = new HashMap<>();
        c.describe().forEach((k, v) -> runJson.put(k, String.valueOf(v)));
        assertEquals(c.parameters(), runJson);
    }

    @Test
    void shouldChangeExactlyItsOwnEntryWhenAnyOptionChanges() {
        Map<String, String> base = PipelineConfig.defaults().parameters();
        for (ConfigOption<?> o : PipelineConfig.ALL) {
            PipelineConfig changed =
                    PipelineConfig.builder().setText(o.key(), changedText(o)).build();
            Map<String, String> p = changed.parameters();
            for (String k : base.keySet()) {
                if (k.equals(o.key())) {
                    assertNotEquals(base.get(k), p.get(k), k);
                } else {
                    assertEquals(base.get(k), p.get(k), "changing " + o.key() + " changed " + k);
                }
            }
            assertEquals(p.get(o.key()), changed.provenance(false).get(o.key()));
        }
    }

    @Test
    void shouldReachTheComponentGettersWhenSetByKey() {
        PipelineConfig c = PipelineConfig.builder()
                .setText("scoring.episode.enter_threshold", "2.5")
                .setText("rupture.merge_gap_s", "90")
                .setText("synchrony.seed", "7")
                .setText("trends.client.last_n", "5")
                .setText("cardiac.ibi_max_s", "1.8")
                .setText("features.hop_s", "10")
                .setText("ingest.e4_max_duration_h", "12")
                .setText("cardiac.time_span_s", "90")
                .build();
        assertEquals(2.5, c.scoring().enterThreshold());
        assertEquals(90, c.rupture().mergeGapS());
        assertEquals(7, c.synchrony().seed());
        assertEquals(5, c.trends().lastN());
        assertEquals(1.8, c.features().ibiMaxS());
        assertEquals(10, c.scoring().windowHopS(), "the scoring window follows features.hop_s");
        assertEquals(90, c.scoring().cardiacSpanS(), "the onset fit's heart-feature span follows cardiac.time_span_s");
        assertEquals(12, c.e4MaxDurationHours());
    }

    /** A valid value other than the default, as text: numbers x1.5 (or +1), flags flipped, the next enum value. */
    static String changedText(ConfigOption<?> o) {
        Object d = o.defaultValue();
        String key = o.key();
        if (d instanceof Boolean b) {
            return Boolean.toString(!b);
        }
        if (d instanceof Enum<?> e) {
            Object[] all = e.getDeclaringClass().getEnumConstants();
            return ((Enum<?>) all[(e.ordinal() + 1) % all.length]).name();
        }
        if (d instanceof Integer i) {
            // at the top of its 1-3 range: down
            return Integer.toString(key.equals("safety.severe_dissociation_intensity") ? i - 1 : i + 1);
        }
        if (d instanceof Long l) {
            return Long.toString(l + 1);
        }
        if (d instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Double) {
            return list.stream().map(v -> Double.toString((Double) v * 1.5)).collect(Collectors.joining(";"));
        }
        if (d instanceof List<?> list) {
            return key.endsWith("codes") ? "AFF_CONCERN;ANX_STR_SIGH" : list.get(0) + ";other";
        }
        double v = (Double) d;
        // values at a bound of their range, or tied to a neighbour by a rule, move the other way
        Set<String> down = Set.of(
                "features.min_quality",
                "features.hop_s",
                "scoring.quality_threshold",
                "scoring.low_data_quality",
                "scoring.min_video_coverage",
                "scoring.exertion.movement_share",
                "synchrony.min_valid_share",
                "synchrony.align.min_valid_share",
                "cardiac.frequency_min_coverage",
                "cardiac.frequency_min_span_s",
                "cardiac.lf_high_hz",
                "eda.scr_min_rise_s",
                "artifacts.temp_min_c",
                "scoring.episode.leave_threshold",
                "scoring.baseline_start_s",
                "rupture.merge_gap_s",
                "synchrony.max_lag_s",
                "synchrony.segment_max_lag_s",
                "motion.fidget_low_hz",
                "cardiac.ibi_min_s",
                "motion.fft_frame_s",
                "eda.support_s",
                "features.block_s",
                "cardiac.lf_low_hz");
        if (v == 0) {
            return "0.5";
        }
        return Double.toString(down.contains(key) ? v * 0.75 : Math.min(v * 1.5, maxFor(key, v)));
    }

    private static double maxFor(String key, double v) {
        return switch (key) {
            case "synchrony.significance_percentile" -> 99;
            case "trends.client.decline_alpha" -> 0.1;
            case "cardiac.time_span_s", "cardiac.frequency_span_s" -> 240;
            case "cardiac.ibi_max_deviation" -> 0.3;
            case "eda.scr_relative_amplitude_min" -> 0.2;
            default -> v * 1.5;
        };
    }

    /**
     * The footers' {@code commit} is the checkout's HEAD as git itself reports it (not the value
     * compared with itself): in a clone (CI, the README's build) it is HEAD's abbreviated id, with
     * {@code +changes} only when the tree has changes. A linked worktree records the main
     * checkout's HEAD (a known limitation), so there only the form is checked.
     */
    @Test
    void shouldRecordTheCommitGitReportsForTheCheckout() throws Exception {
        String commit = PipelineConfig.defaults().provenance(true).get("commit");
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath();
        while (root != null && !java.nio.file.Files.exists(root.resolve(".git"))) {
            root = root.getParent();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null, "not built from a git checkout");
        assertTrue(commit.matches("[0-9a-f]{7,40}(\\+changes)?"), commit);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isDirectory(root.resolve(".git")), "a linked worktree records the main checkout");
        Process git = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD")
                .redirectErrorStream(true)
                .start();
        String head = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        org.junit.jupiter.api.Assumptions.assumeTrue(git.waitFor() == 0, "git unavailable: " + head);
        String id = commit.replace("+changes", "");
        assertTrue(head.startsWith(id), "footer commit " + commit + " is not HEAD " + head);
    }
}
