package yrdsim.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.run.Progress;

/**
 * Progress on stderr: a progress bar when stderr is a terminal, otherwise one log line per 10%
 * of the work (so logs and CI output stay readable).
 */
final class ProgressDisplay implements Progress, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressDisplay.class);

    private final String task;
    private final boolean quiet;
    private ProgressBar bar;
    private int lastDecile = -1;

    private ProgressDisplay(String task, boolean quiet) {
        this.task = task;
        this.quiet = quiet;
    }

    static ProgressDisplay open(String task, boolean quiet) {
        return new ProgressDisplay(task, quiet);
    }

    @Override
    public void step(int done, int total) {
        if (quiet) {
            return;
        }
        if (System.console() != null) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
            }
            bar.stepTo(done);
            return;
        }
        int decile = done * 10 / Math.max(1, total);
        if (decile != lastDecile) {
            lastDecile = decile;
            LOG.info("{}: {}/{} ({}%)", task, done, total, decile * 10);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
