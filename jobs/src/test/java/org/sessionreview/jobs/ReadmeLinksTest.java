package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README points to exists: every relative Markdown link's file and {@code #anchor} (a
 * heading, slugged as GitHub does), every repository path it quotes ({@code queries/...},
 * {@code validation/...}; build outputs under {@code target/} and patterns with {@code <}, {@code
 * *} or <code>{</code> aside) and every test class it names ({@code ...Test}, {@code ...ITCase}).
 */
class ReadmeLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");
    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w/.-])((?:pipeline|jobs|queries|sample-data|validation|docs|benchmarks)/[\\w./*<>{}-]*)");
    private static final Pattern TEST_CLASS = Pattern.compile("\\b([A-Z][A-Za-z0-9]*(?:ITCase|Test))\\b");

    @TempDir
    Path tmp;

    /** GitHub's anchor of a heading: lower case, punctuation but {@code -} and {@code _} dropped, spaces to {@code -}. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher m = HEADING.matcher(withoutCodeBlocks(markdown));
        while (m.find()) {
            String base = slug(m.group(1));
            String anchor = base;
            for (int n = 1; !anchors.add(anchor); n++) {
                anchor = base + "-" + n;
            }
        }
        return anchors;
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }

    /** Problems with what {@code markdown} (a file of {@code root}) points to, one line each. */
    static List<String> problems(String markdown, Path root, Set<String> testClasses) {
        List<String> problems = new ArrayList<>();
        Matcher link = LINK.matcher(withoutCodeBlocks(markdown));
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                continue; // https:, mailto: ...
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            String linked = markdown;
            if (!file.isEmpty()) {
                Path p = root.resolve(file);
                if (!Files.exists(p)) {
                    problems.add("link " + target + ": no file " + file);
                    continue;
                }
                linked = anchor != null && file.endsWith(".md") ? read(p) : null;
            }
            if (anchor != null && linked != null && !anchors(linked).contains(anchor)) {
                problems.add("link " + target + ": no heading #" + anchor);
            }
        }
        Matcher path = REPO_PATH.matcher(LINK.matcher(markdown).replaceAll(""));
        while (path.find()) {
            String p = path.group(1).replaceAll("[.,;:]+$", "");
            if (p.contains("target/") || p.matches(".*[<>*{}].*")) {
                continue;
            }
            if (!Files.exists(root.resolve(p))) {
                problems.add("path " + p + ": not in the repository");
            }
        }
        Matcher test = TEST_CLASS.matcher(markdown);
        while (test.find()) {
            if (!testClasses.contains(test.group(1))) {
                problems.add("test " + test.group(1) + ": no such test class");
            }
        }
        return problems.stream().distinct().toList();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> testClasses(Path root) throws IOException {
        Set<String> names = new HashSet<>();
        for (String module : List.of("pipeline", "jobs", "benchmarks")) {
            Path src = root.resolve(module).resolve("src");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".java"))
                        .forEach(n -> names.add(n.substring(0, n.length() - ".java".length())));
            }
        }
        return names;
    }

    @Test
    void shouldPointOnlyToFilesHeadingsAndTestsThatExistWhenReadingTheReadme() throws IOException {
        Path root = Paths.projectRoot();
        assertEquals(List.of(), problems(Files.readString(root.resolve("README.md")), root, testClasses(root)));
    }

    @Test
    void shouldReportEachKindOfDanglingReferenceWhenAFileHeadingPathOrTestIsMissing() throws IOException {
        Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(tmp.resolve("docs/notes.md"), "# Notes\n\n## Two words\n");
        String markdown = String.join(
                "\n",
                "# Title",
                "## Known limitations (tracked in the issues)",
                "## Known limitations (tracked in the issues)",
                "See [ok](docs/notes.md), [ok](docs/notes.md#two-words), [ok](#title),",
                "[ok](#known-limitations-tracked-in-the-issues-1), [web](https://example.org/x#y),",
                "[gone](docs/gone.md), [bad anchor](#nowhere), [bad there](docs/notes.md#three),",
                "`docs/notes.md`, `docs/missing.txt`, `jobs/target/x.jar`, `queries/*.sql`,",
                "`ExistingTest`, `MissingITCase`.",
                "```",
                "# not a heading",
                "```",
                "[in code](#not-a-heading)");
        assertEquals(
                List.of(
                        "link docs/gone.md: no file docs/gone.md",
                        "link #nowhere: no heading #nowhere",
                        "link docs/notes.md#three: no heading #three",
                        "link #not-a-heading: no heading #not-a-heading",
                        "path docs/missing.txt: not in the repository",
                        "test MissingITCase: no such test class"),
                problems(markdown, tmp, Set.of("ExistingTest")));
    }
}
