package org.l2o4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l2o4j.core.config.Configs;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * {@code l2o report}'s pages in a real browser: Debian's headless Chromium, driven through its chromium-driver by
 * Selenium, opens the page of a tiny comparison, of a tiny GPS training and of both side by side, and checks that
 * nothing went to the console (a page that logs an error is shown to be caught), that every figure is drawn at a
 * non-zero size, and that the tables hold the runs' rows. Screenshots go to {@code target/report-screenshots/}.
 *
 * <p>Needs {@code chromium} and {@code chromium-driver} ({@code apt-get install chromium chromium-driver}). Without
 * them the test is skipped with that message, unless {@value #REQUIRE} is set to 1, as {@code .ci/run} does: there
 * a missing browser fails the build.
 */
class ReportBrowserTest {

    /** Environment variable that turns a missing browser from a skip into a failure. */
    static final String REQUIRE = "L2O_REQUIRE_BROWSER";

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/report-screenshots");

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String missing = "Chromium or its driver is missing (" + CHROMIUM + ", " + DRIVER + "); install them with "
                + "'apt-get install chromium chromium-driver'";
        if (!present && "1".equals(System.getenv(REQUIRE))) {
            fail(missing + " (" + REQUIRE + "=1 requires the browser test)");
        }
        assumeTrue(present, missing);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in a container has no user namespace for Chromium's sandbox; the pages are our own files.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPageThatLogsAnErrorIsCaught(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("control.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>control</title></head><body>"
                + "<script>console.error('deliberate control error')</script></body></html>");
        List<String> errors = open(page);
        assertTrue(errors.stream().anyMatch(e -> e.contains("deliberate control error")),
                "the console check must see an error a page logs: " + errors);
    }

    @Test
    void comparisonTrainingAndSideBySidePagesRenderCleanly(@TempDir Path out) throws Exception {
        CliRunner.Result reproduce = CliRunner.run("reproduce", "li-malik-logreg", "--set", "tuneSteps=3", "--set",
                "evaluateSteps=20", "--out", out.toString(), "--no-progress");
        assertEquals(0, reproduce.exitCode(), reproduce.err());
        Path comparison = onlyChild(out.resolve("li-malik-logreg"));
        CliRunner.Result train = CliRunner.run("train", "li-malik-logreg-gps", "--set", "iterations=2", "--set",
                "profile=tiny", "--set", "conditions=3", "--set", "threads=1", "--out", out.toString(),
                "--no-progress");
        assertEquals(0, train.exitCode(), train.err());
        Path training = onlyChild(out.resolve("li-malik-logreg-gps"));
        Path sideBySide = out.resolve("both.html");

        CliRunner.Result report = CliRunner.run("report", comparison.toString(), training.toString());
        assertEquals(0, report.exitCode(), report.err());
        CliRunner.Result combined = CliRunner.run("report", comparison.toString(), training.toString(), "--out",
                sideBySide.toString());
        assertEquals(0, combined.exitCode(), combined.err());

        List<String> labels = optimizerLabels(comparison);
        assertEquals(5, labels.size(), "the main job's zoo policy and four baselines: " + labels);
        int comparisonFigures = svgCount(comparison.resolve("figures"));
        int logRows = Files.readAllLines(training.resolve("training-log.csv")).size() - 1;
        assertEquals(2, logRows);

        assertEquals(List.of(), open(comparison.resolve("report.html")), "console of the comparison's page");
        assertEquals("li-malik-logreg", browser.getTitle());
        assertFiguresDrawn(comparisonFigures);
        assertEquals(labels, firstCells(".results tbody tr"), "one results row per optimizer, in order");
        assertEquals(labels, firstCells(".tuning tbody tr"), "one tuning row per optimizer, in order");
        screenshot("comparison");

        assertEquals(List.of(), open(training.resolve("report.html")), "console of the training's page");
        int logFigures = browser.findElements(By.cssSelector("figure svg")).size();
        assertTrue(logFigures >= 3, "the GPS log has several changing columns, each a plot: " + logFigures);
        assertFiguresDrawn(logFigures);
        assertEquals(logRows, browser.findElements(By.cssSelector("table.training-log tbody tr")).size());
        screenshot("training");

        assertEquals(List.of(), open(sideBySide), "console of the side-by-side page");
        List<WebElement> runs = browser.findElements(By.cssSelector("article.run"));
        assertEquals(2, runs.size());
        Rectangle left = runs.get(0).getRect();
        Rectangle right = runs.get(1).getRect();
        assertEquals(left.getY(), right.getY(), "the two runs start on one line");
        assertTrue(right.getX() >= left.getX() + left.getWidth(), "the second run stands right of the first");
        assertFiguresDrawn(comparisonFigures + logFigures);
        assertEquals(labels, firstCells("#r1 .results tbody tr"));
        screenshot("side-by-side");
    }

    /** Loads {@code page} and returns the console messages of level warning or worse. */
    private static List<String> open(Path page) {
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.get(page.toUri().toString());
        List<String> problems = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(e.getLevel() + " " + e.getMessage());
            }
        }
        return problems;
    }

    private static void assertFiguresDrawn(int expected) {
        List<WebElement> figures = browser.findElements(By.cssSelector("figure svg"));
        assertEquals(expected, figures.size(), "inline SVG figures on the page");
        for (WebElement f : figures) {
            Dimension size = f.getSize();
            assertTrue(size.getWidth() > 100 && size.getHeight() > 50, "figure '" + f.getAttribute("aria-label")
                    + "' is drawn " + size.getWidth() + "×" + size.getHeight() + " px");
            assertTrue(f.isDisplayed(), f.getAttribute("aria-label"));
        }
        List<String> ids = browser.findElements(By.cssSelector("[id]")).stream().map(e -> e.getAttribute("id"))
                .toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "every id on the page is unique");
    }

    private static List<String> firstCells(String rowSelector) {
        return browser.findElements(By.cssSelector(rowSelector)).stream()
                .map(r -> r.findElement(By.cssSelector("td")).getText()).toList();
    }

    /** A screenshot of the whole page, for a person to look at. */
    private static void screenshot(String name) throws Exception {
        int height = browser.findElement(By.tagName("body")).getSize().getHeight();
        browser.manage().window().setSize(new Dimension(1400, Math.min(Math.max(height, 600), 12_000)));
        Files.createDirectories(SCREENSHOTS);
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        assertFalse(png.length == 0);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static List<String> optimizerLabels(Path comparison) throws Exception {
        Map<?, ?> summary = Configs.json().readValue(comparison.resolve("summary.json").toFile(), Map.class);
        return ((List<?>) summary.get("optimizers")).stream().map(o -> (String) ((Map<?, ?>) o).get("label"))
                .toList();
    }

    private static int svgCount(Path figures) throws Exception {
        try (Stream<Path> s = Files.list(figures)) {
            return (int) s.filter(p -> p.toString().endsWith(".svg")).count();
        }
    }

    private static Path onlyChild(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> children = s.toList();
            assertEquals(1, children.size(), "in " + folder + ": " + children);
            return children.get(0);
        }
    }
}
