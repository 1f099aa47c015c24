package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Command line" block against the commands themselves: every command it lists is one
 * the jar knows, and every option it names for a command is accepted by that command and
 * described in its {@code --help}. An option is tried as {@code COMMAND OPTION x --zz-sentinel}:
 * the trailing unknown argument stops every command before it runs anything, and a command that
 * does not know {@code OPTION} names it as unknown first.
 */
class ReadmeCommandLineTest {
    private static final String JAR = "java -jar jobs/target/session-review.jar ";
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--?[a-z][a-z0-9-]*)");
    private static final String SENTINEL = "--zz-readme-sentinel";

    /** The commands of the README's "Command line" block, each with the options it names, in order. */
    static Map<String, Set<String>> optionsByCommand(String readme) {
        int section = readme.indexOf("\n## Command line\n");
        assertTrue(section >= 0, "README has a '## Command line' section");
        int open = readme.indexOf("```", section);
        int from = readme.indexOf('\n', open) + 1;
        String block = readme.substring(from, readme.indexOf("```", from));
        Map<String, Set<String>> commands = new LinkedHashMap<>();
        String command = null;
        for (String line : block.split("\n")) {
            String rest;
            if (line.startsWith(JAR)) {
                String[] words = line.substring(JAR.length()).split(" ", 2);
                command = words[0];
                rest = words.length > 1 ? words[1] : "";
            } else if (line.startsWith(" ") && command != null) {
                rest = line;
            } else {
                continue;
            }
            Set<String> options = commands.computeIfAbsent(command, c -> new LinkedHashSet<>());
            Matcher m = OPTION.matcher(rest);
            while (m.find()) {
                options.add(m.group(1));
            }
        }
        return commands;
    }

    private static Map<String, Set<String>> readmeCommands() throws IOException {
        Map<String, Set<String>> all =
                optionsByCommand(Files.readString(Paths.projectRoot().resolve("README.md")));
        all.remove("--help");
        return all;
    }

    private static boolean calledUnknown(CliRun r, String option) {
        String text = r.err() + r.out();
        return text.contains("unknown argument '" + option + "'") || text.contains("unknown option '" + option + "'");
    }

    @Test
    void shouldReadTheCommandsAndOptionsOfTheReadmesCommandLineBlock() {
        String readme = String.join(
                "\n",
                "intro",
                "## Command line",
                "",
                "```",
                JAR + "review --sessions DIR [--quiet]",
                "     [--set KEY=VALUE]...",
                JAR + "sql (-e STATEMENT | -f FILE) --tables DIR",
                JAR + "--help",
                "```",
                "not --this");
        Map<String, Set<String>> commands = optionsByCommand(readme);
        assertEquals(List.of("review", "sql", "--help"), List.copyOf(commands.keySet()));
        assertEquals(List.of("--sessions", "--quiet", "--set"), List.copyOf(commands.get("review")));
        assertEquals(List.of("-e", "-f", "--tables"), List.copyOf(commands.get("sql")));
    }

    @Test
    void shouldListTheSameCommandsAsTheJarsHelpWhenReadingTheReadme() throws IOException {
        Set<String> help = new TreeSet<>();
        for (String line : CliRun.of("--help").out().lines().toList()) {
            if (line.startsWith("  ") && !line.startsWith("  --")) {
                help.add(line.strip().split(" ", 2)[0]);
            }
        }
        assertEquals(help, new TreeSet<>(readmeCommands().keySet()), "README's Command line block vs --help");
    }

    @Test
    void shouldNameAnOptionUnknownWhenACommandOfTheReadmeIsGivenOneItDoesNotKnow() throws IOException {
        for (String command : readmeCommands().keySet()) {
            CliRun r = CliRun.of(command, "--no-such-readme-option", "x", SENTINEL);
            assertEquals(2, r.code(), command + ": " + r.err());
            assertTrue(calledUnknown(r, "--no-such-readme-option"), command + ": " + r.err());
            // also as the last argument (a mistyped flag; bench, live-bench and validate said
            // "--verbose needs a value" before 2026-12-07)
            CliRun last = CliRun.of(command, "--verbose");
            assertEquals(2, last.code(), command + ": " + last.err());
            assertTrue(calledUnknown(last, "--verbose"), command + " --verbose: " + last.err());
        }
    }

    @Test
    void shouldAcceptEveryOptionTheReadmesCommandLineNamesWhenGivenToItsCommand() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : readmeCommands().entrySet()) {
            String command = e.getKey();
            String help = CliRun.of(command, "--help").out();
            assertFalse(help.isBlank(), command + " --help prints its usage");
            for (String option : e.getValue()) {
                CliRun r = CliRun.of(command, option, "x", SENTINEL);
                if (calledUnknown(r, option)) {
                    problems.add(command + " " + option + ": " + r.err().strip());
                }
                if (!Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])")
                        .matcher(help)
                        .find()) {
                    problems.add(command + " " + option + ": not in '" + command + " --help'");
                }
            }
        }
        assertEquals(List.of(), problems, "options of the README's Command line block");
    }
}
