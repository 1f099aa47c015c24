package org.sessionreview.jobs.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.sessionreview.jobs.Paths;

/** The README's table of damaged input is exactly the one the corpus renders: they cannot drift. */
class BadInputCorpusReadmeTest {
    private static final String SECTION = "## Damaged and unusual input";

    @Test
    void shouldListEveryCorpusKindInTheReadme() throws Exception {
        String readme = Files.readString(Paths.projectRoot().resolve("README.md"));
        int section = readme.indexOf(SECTION);
        assertTrue(section >= 0, "README has no section '" + SECTION + "'");
        int start = readme.indexOf("| kind | what you see |", section);
        assertTrue(start >= 0, "no table in '" + SECTION + "'");
        int end = readme.indexOf("\n\n", start);
        String table = readme.substring(start, end < 0 ? readme.length() : end + 1);
        assertEquals(
                BadInputCorpus.markdownTable(),
                table,
                "README table differs from BadInputCorpus.markdownTable(): paste the generated table into README.md");
    }

    @Test
    void shouldNameEveryCaseOnce() {
        var kinds = BadInputCorpus.cases().stream().map(BadInputCase::kind).toList();
        assertEquals(kinds.size(), kinds.stream().distinct().count(), "duplicate kind in " + kinds);
        kinds.forEach(k -> assertTrue(k.matches("[a-z0-9]+(-[a-z0-9]+)*"), "not kebab-case: " + k));
    }
}
