package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.sessionreview.jobs.CliRun;
import org.sessionreview.jobs.Paths;
import org.sessionreview.jobs.SampleDataReview;
import org.sessionreview.parquet.TableReader;

/**
 * The report in a real browser: reviews {@code sample-data/} (the README's run) and a copy in
 * which one session has no supervision consent, makes both reports, and opens the pages in
 * headless Chromium through chromedriver (Debian's {@code chromium} and {@code chromium-driver}).
 * Checks the queue order against the sessions table, every flagged session's moments at their
 * video times and links, the links between pages, the trainee filter, and that the withheld
 * session shows nowhere; saves screenshots under {@code target/report-screenshots/}.
 */
class ReportBrowserITCase {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String WITHHELD = "T01-20260421-1430";
    static final String WITHHELD_FOLDER = "2026-04-21_T01_1430";
    static final String PATTERN = "file:///videos/{session_id}.mp4";

    static Path tables;
    static Path report;
    static Path withheldTables;
    static Path withheldReport;
    static ChromeDriver browser;
    /** The browser's profile folder, deleted when the browser has quit. */
    private static Path profile;

    @BeforeAll
    static void reviewReportAndStartTheBrowser() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): apt-get install -y chromium chromium-driver");
        Path work = Path.of("target", "report-browser").toAbsolutePath();
        delete(work);
        tables = SampleDataReview.get().out();
        report = work.resolve("report");
        run("report", "--tables", tables.toString(), "--out", report.toString(), "--video-url-pattern", PATTERN);

        Path sessions = work.resolve("sessions");
        copy(Paths.sampleData(), sessions);
        Path json = sessions.resolve(WITHHELD_FOLDER).resolve("session.json");
        String text = Files.readString(json);
        String withheld = text.replaceFirst("\"supervision\"\\s*:\\s*true", "\"supervision\" : false");
        assertFalse(text.equals(withheld), "consent edited");
        Files.writeString(json, withheld);
        withheldTables = work.resolve("review-withheld");
        run(
                "review",
                "--sessions",
                sessions.toString(),
                "--out",
                withheldTables.toString(),
                "--allow-demo-key",
                "--parallelism",
                "2",
                "--quiet");
        withheldReport = work.resolve("report-withheld");
        run(
                "report",
                "--tables",
                withheldTables.toString(),
                "--out",
                withheldReport.toString(),
                "--video-url-pattern",
                PATTERN);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        profile = Files.createTempDirectory("report-chromium-");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopTheBrowser() throws java.io.IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            // the browser's profile (2 MB) would otherwise stay in the temporary folder
            try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void run(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
    }

    private static void open(Path page) {
        browser.get(page.toUri().toString());
    }

    /** The sessions table ordered as the queue documents it: safety first, then priority, then id. */
    private static List<String> expectedQueue(Path tablesDir, boolean flagged) {
        List<Map<String, Object>> rows = new ArrayList<>(TableReader.read(tablesDir, "sessions").rows().stream()
                .filter(r -> Boolean.TRUE.equals(r.get("consent_supervision"))
                        && flagged == Boolean.TRUE.equals(r.get("flagged")))
                .toList());
        rows.sort((a, b) -> {
            int sa = ((Integer) a.get("safety_events")) > 0 ? 0 : 1;
            int sb = ((Integer) b.get("safety_events")) > 0 ? 0 : 1;
            if (sa != sb) {
                return Integer.compare(sa, sb);
            }
            int p = Double.compare((Double) b.get("priority"), (Double) a.get("priority"));
            return p != 0 ? p : ((String) a.get("session_id")).compareTo((String) b.get("session_id"));
        });
        return rows.stream().map(r -> (String) r.get("session_id")).toList();
    }

    private static List<String> rowsOf(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-session"))
                .toList();
    }

    @Test
    void shouldListFlaggedSessionsInTheDocumentedOrderWithTheSafetySessionFirst() {
        open(report.resolve("index.html"));
        assertEquals("Review queue \u00b7 session-review", browser.getTitle());
        List<String> queue = rowsOf("queue");
        assertEquals(expectedQueue(tables, true), queue);
        assertEquals("T02-20260319-0900", queue.get(0));
        assertEquals(expectedQueue(tables, false), rowsOf("unflagged-sessions"));
        WebElement first = browser.findElement(By.cssSelector("#queue tbody tr"));
        assertTrue(first.getText().contains("SAFETY"), first.getText());
        assertTrue(first.getText().contains("start at 16:00"), first.getText());
    }

    @Test
    void shouldShowEveryFlaggedSessionsMomentsAtTheirVideoTimesWithMediaFragmentLinks() {
        Map<String, List<Map<String, Object>>> moments = new java.util.TreeMap<>();
        for (Map<String, Object> m : TableReader.read(tables, "moments").rows()) {
            moments.computeIfAbsent((String) m.get("session_id"), k -> new ArrayList<>())
                    .add(m);
        }
        for (String id : expectedQueue(tables, true)) {
            open(report.resolve("sessions").resolve(id + ".html"));
            assertEquals("Session " + id + " \u00b7 session-review", browser.getTitle());
            List<Map<String, Object>> expected = SessionViews.sorted(moments.getOrDefault(id, List.of()));
            List<WebElement> rows = browser.findElements(By.cssSelector("#moments-table tbody tr"));
            assertEquals(expected.size(), rows.size(), id);
            for (int i = 0; i < rows.size(); i++) {
                double start = (Double) expected.get(i).get("start_s");
                double end = (Double) expected.get(i).get("end_s");
                WebElement startLink = rows.get(i).findElement(By.cssSelector("a.video-link.start"));
                WebElement endLink = rows.get(i).findElement(By.cssSelector("a.video-link.end"));
                assertEquals(Format.mmss(start), startLink.getText(), id + " moment " + (i + 1));
                assertEquals(Format.mmss(end), endLink.getText(), id + " moment " + (i + 1));
                assertEquals(
                        "file:///videos/" + id + ".mp4#t=" + Format.fragmentSeconds(start),
                        startLink.getAttribute("href"));
                assertTrue(
                        rows.get(i).getText().contains((String) expected.get(i).get("evidence")), id + " evidence");
            }
            assertTrue(browser.findElement(By.id("methods")).isDisplayed());
            assertTrue(browser.findElement(By.cssSelector("svg.timeline")).isDisplayed());
        }
    }

    @Test
    void shouldFollowLinksFromTheQueueToSessionTraineeAndClientPages() {
        open(report.resolve("index.html"));
        browser.findElement(By.cssSelector("#queue tbody tr a.session-link")).click();
        assertEquals("Session T02-20260319-0900 \u00b7 session-review", browser.getTitle());
        browser.findElement(By.cssSelector("a.trainee-link")).click();
        assertEquals("Trainee T02 \u00b7 session-review", browser.getTitle());
        assertTrue(browser.findElement(By.cssSelector("#rates-table tr[data-period='all']"))
                .getText()
                .startsWith("all 4 4"));
        browser.navigate().back();
        browser.findElement(By.cssSelector("a.client-link")).click();
        assertTrue(browser.getTitle().startsWith("Client 2186226219eb"), browser.getTitle());
        assertEquals(
                "discuss in supervision: consider consultation",
                browser.findElement(By.id("plateau-note")).getText());
        browser.findElement(By.cssSelector("#client-sessions a.session-link")).click();
        assertTrue(browser.getTitle().startsWith("Session T02-"), browser.getTitle());
        browser.findElement(By.linkText("Review queue")).click();
        assertEquals("Review queue \u00b7 session-review", browser.getTitle());
        browser.findElement(By.cssSelector("nav.trainees a")).click();
        assertEquals("Trainee T01 \u00b7 session-review", browser.getTitle());
        browser.findElement(By.cssSelector("#trainee-sessions a.session-link")).click();
        assertTrue(browser.getTitle().startsWith("Session T01-"), browser.getTitle());
    }

    @Test
    void shouldFilterTheQueueByTrainee() {
        open(report.resolve("index.html"));
        new Select(browser.findElement(By.id("trainee-filter"))).selectByValue("T01");
        for (WebElement tr : browser.findElements(By.cssSelector("#queue tbody tr"))) {
            assertEquals(
                    "T01".equals(tr.getAttribute("data-therapist")), tr.isDisplayed(), tr.getAttribute("data-session"));
        }
        new Select(browser.findElement(By.id("trainee-filter"))).selectByValue("");
        assertTrue(
                browser.findElements(By.cssSelector("#queue tbody tr")).stream().allMatch(WebElement::isDisplayed));
    }

    @Test
    void shouldListTheSessionWithoutSupervisionConsentAsWithheldWithNoPageAndNoNumbers() throws IOException {
        open(withheldReport.resolve("index.html"));
        assertEquals(
                List.of(WITHHELD + ": withheld (no supervision consent)"),
                browser.findElements(By.cssSelector("#withheld-sessions li")).stream()
                        .map(WebElement::getText)
                        .toList());
        assertFalse(rowsOf("queue").contains(WITHHELD));
        assertEquals(expectedQueue(withheldTables, true), rowsOf("queue"));
        assertFalse(Files.exists(withheldReport.resolve("sessions").resolve(WITHHELD + ".html")));
        // the session id appears once, in the withheld list; nothing of its rows appears anywhere
        List<String> evidence = TableReader.read(withheldTables, "moments").rows().stream()
                .filter(m -> WITHHELD.equals(m.get("session_id")))
                .map(m -> (String) m.get("evidence"))
                .toList();
        assertFalse(evidence.isEmpty());
        try (Stream<Path> pages = Files.walk(withheldReport)) {
            for (Path p : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(p);
                int mentions = html.split(WITHHELD, -1).length - 1;
                assertEquals(p.endsWith("index.html") ? 1 : 0, mentions, p.toString());
                evidence.forEach(e -> assertFalse(html.contains(e), p + " shows " + e));
            }
        }
        open(withheldReport.resolve("trainees").resolve("T01.html"));
        assertTrue(
                browser.findElement(By.cssSelector("#rates-table tr[data-period='all']"))
                        .getText()
                        .startsWith("all 3 "),
                "T01 has 4 sessions, 3 with supervision consent");
        assertTrue(browser.getPageSource().contains("recomputed from the consented sessions only"));
        open(withheldReport.resolve("index.html"));
        browser.findElement(By.cssSelector("nav.trainees a[href='trainees/T01.html']"))
                .click();
        assertEquals("Trainee T01 \u00b7 session-review", browser.getTitle());
    }

    @Test
    void shouldWriteTheSamePagesForTheSameTablesAndFetchNothing() throws IOException {
        Path again = Path.of("target", "report-browser", "report-again").toAbsolutePath();
        run("report", "--tables", tables.toString(), "--out", again.toString(), "--video-url-pattern", PATTERN);
        List<Path> pages;
        try (Stream<Path> s = Files.walk(report)) {
            pages = s.filter(f -> f.toString().endsWith(".html"))
                    .map(report::relativize)
                    .sorted()
                    .toList();
        }
        assertEquals(1 + 8 + 2 + 3, pages.size(), pages.toString());
        for (Path p : pages) {
            byte[] a = Files.readAllBytes(report.resolve(p));
            assertArrayEquals(a, Files.readAllBytes(again.resolve(p)), p.toString());
            String html = new String(a, StandardCharsets.UTF_8);
            assertFalse(html.matches("(?s).*\\s(src|srcset)=.*"), p + " loads a resource");
            assertFalse(html.contains("<link"), p + " links a resource");
        }
    }

    @Test
    void shouldSaveScreenshotsOfTheQueueAndASessionPage() throws IOException {
        Path dir = Path.of("target", "report-screenshots").toAbsolutePath();
        Files.createDirectories(dir);
        screenshot(report.resolve("index.html"), dir.resolve("queue.png"));
        screenshot(
                report.resolve("sessions").resolve("T02-20260319-0900.html"),
                dir.resolve("session-T02-20260319-0900.png"));
        screenshot(
                report.resolve("sessions").resolve("T02-20260326-0900.html"),
                dir.resolve("session-T02-20260326-0900.png"));
        screenshot(
                report.resolve("clients")
                        .resolve("2186226219ebea49abd4a65d50eaf3da477a0f298334afcef90218aef2a65ef2.html"),
                dir.resolve("client-plateau.png"));
        screenshot(withheldReport.resolve("index.html"), dir.resolve("queue-with-withheld.png"));
        // as printed: print media rules, about the width of an A4 page at 96 dpi
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            screenshot(
                    report.resolve("sessions").resolve("T02-20260319-0900.html"),
                    dir.resolve("session-T02-20260319-0900-print.png"),
                    800);
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        assertTrue(Files.size(dir.resolve("queue.png")) > 10_000);
    }

    /** A full-page PNG: the window is made as tall as the page first. */
    private static void screenshot(Path page, Path png) throws IOException {
        screenshot(page, png, 1400);
    }

    private static void screenshot(Path page, Path png, int width) throws IOException {
        open(page);
        browser.manage().window().setSize(new Dimension(width, 1000));
        long height = (Long) ((JavascriptExecutor) browser)
                .executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(12000, height + 120)));
        Files.write(png, browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
