package org.l2o4j.cli;

import java.io.PrintStream;

import org.l2o4j.eval.experiment.Progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@link Progress} drawn as progress bars with an ETA on standard error. Without a terminal (CI logs, pipes) the bar
 * is plain ASCII, one line per update every two seconds, since the library would otherwise write ANSI codes and
 * carriage returns into the log (shared/deps.md, pitfall 9).
 */
final class ProgressBars implements Progress {

    private final PrintStream err;
    private final boolean terminal;

    ProgressBars(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null;
    }

    @Override
    public Task begin(String name, long total) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setConsumer(terminal ? new ConsoleProgressBarConsumer(err)
                        : new DelegatingProgressBarConsumer(err::println))
                .setUpdateIntervalMillis(terminal ? 200 : 2000)
                .build();
        return new Task() {
            @Override
            public void advance(long units) {
                bar.stepBy(units);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
