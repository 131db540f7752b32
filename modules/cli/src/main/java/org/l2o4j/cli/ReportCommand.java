package org.l2o4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.l2o4j.core.config.ConfigException;
import org.l2o4j.core.run.AtomicFiles;
import org.l2o4j.report.HtmlReport;
import org.l2o4j.report.RunReader;
import org.l2o4j.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code l2o report}: one self-contained HTML page per run folder ({@code RUN/report.html}), or with {@code --out} one
 * page holding every run side by side. All runs are read before anything is written, so a bad folder among several
 * leaves no page behind.
 */
@Command(name = "report", description = "Write a self-contained HTML page of each run folder (RUN/report.html: "
        + "figures, tables with intervals, tuned hyperparameters, provenance, config; a training's log as plots), or "
        + "with --out one page of all the runs side by side. Opens offline; runs no script.")
final class ReportCommand implements Callable<Integer> {

    /** The page's file name inside a run folder. */
    static final String PAGE = "report.html";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_FOLDER", description = "run folders of 'l2o reproduce', 'compare', "
            + "'evaluate' or 'train'")
    private List<Path> runs;

    @Option(names = "--out", paramLabel = "FILE", description = "write one page with every run side by side to FILE "
            + "(an .html file) instead of one page per run")
    private Path out;

    @Option(names = "--title", description = "the page's heading (default: the runs' names)")
    private String title;

    @Override
    public Integer call() {
        if (out != null && !out.getFileName().toString().endsWith(".html")) {
            throw new ConfigException("--out " + out + " must name an .html file, e.g. --out comparison.html");
        }
        List<RunReport> reports = new ArrayList<>();
        for (Path run : runs) {
            reports.add(RunReader.read(run));
        }
        if (out != null) {
            String heading = title != null ? title
                    : String.join(" | ", reports.stream().map(RunReport::title).toList());
            Path file = out.toAbsolutePath();
            AtomicFiles.writeString(file, HtmlReport.page(heading, reports));
            spec.commandLine().getOut().println("wrote " + Runs.quoted(file));
        } else {
            Map<Path, String> pages = new LinkedHashMap<>();
            for (RunReport r : reports) {
                pages.put(r.folder().resolve(PAGE).toAbsolutePath(),
                        HtmlReport.page(title != null ? title : r.title(), List.of(r)));
            }
            pages.forEach((file, page) -> {
                AtomicFiles.writeString(file, page);
                spec.commandLine().getOut().println("wrote " + Runs.quoted(file));
            });
        }
        return 0;
    }
}
