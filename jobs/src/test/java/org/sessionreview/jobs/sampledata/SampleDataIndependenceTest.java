package org.sessionreview.jobs.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample generator states its ground truth (planted.json, the README) from its own plan, so
 * the end-to-end tests compare the pipeline with independent expectations (issue 8, item 5): the
 * sampledata package uses nothing of the pipeline's signal processing, features, scoring or
 * report rows, nor any other pipeline package. Only the taxonomy is allowed (the ELAN controlled
 * vocabularies list its codes; it decides no planted fact). Checked on the source text, so a fully
 * qualified reference counts as much as an import.
 */
class SampleDataIndependenceTest {
    private static final Path SAMPLEDATA = Path.of("src/main/java/org/sessionreview/jobs/sampledata");
    private static final Pattern REFERENCE = Pattern.compile("org\\.sessionreview\\.[\\w.*]+");
    private static final List<String> ALLOWED =
            List.of("org.sessionreview.jobs.sampledata.", "org.sessionreview.taxonomy.");

    @Test
    void shouldUseNoPipelineCodeButTheTaxonomyWhenGeneratingSampleData() throws IOException {
        assertTrue(Files.isDirectory(SAMPLEDATA), "run from the jobs module: " + SAMPLEDATA.toAbsolutePath());
        List<String> offenders = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(SAMPLEDATA)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    for (String ref : forbidden(lines.get(i))) {
                        offenders.add(f.getFileName() + ":" + (i + 1) + ": " + ref);
                    }
                }
            }
        }
        assertTrue(files >= 20, "sampledata sources found: " + files);
        assertTrue(offenders.isEmpty(), "the sample generator uses pipeline code: " + offenders);
    }

    @Test
    void shouldFlagScoringSignalFeaturesAndReportReferencesInAnyForm() {
        assertEquals(
                List.of("org.sessionreview.scoring.trends.ClientTrend"),
                forbidden("import org.sessionreview.scoring.trends.ClientTrend;"));
        assertEquals(
                List.of("org.sessionreview.signal.eda.Scr.detect"),
                forbidden("import static org.sessionreview.signal.eda.Scr.detect;"));
        assertEquals(List.of("org.sessionreview.features.*"), forbidden("import org.sessionreview.features.*;"));
        assertEquals(
                List.of("org.sessionreview.report.ClientRow"),
                forbidden("var r = new org.sessionreview.report.ClientRow();"));
        assertEquals(List.of(), forbidden("import org.sessionreview.taxonomy.CanonicalCode;"));
        assertEquals(List.of(), forbidden("package org.sessionreview.jobs.sampledata;"));
    }

    /** The pipeline references on a line that are not on the allow-list. */
    private static List<String> forbidden(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(line);
        while (m.find()) {
            String ref = m.group();
            String dotted = ref.endsWith(".") ? ref : ref + ".";
            if (ALLOWED.stream().noneMatch(dotted::startsWith)) {
                out.add(ref);
            }
        }
        return out;
    }
}
