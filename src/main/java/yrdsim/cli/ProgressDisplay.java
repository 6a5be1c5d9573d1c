package yrdsim.cli;

import java.text.DecimalFormat;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.run.Progress;

/**
 * Progress on stderr: a progress bar when stderr is a terminal, otherwise one log line per 10%
 * of the work (so logs and CI output stay readable). A display opened with a unit also shows the
 * rate and the time left, both counted from the first report (work already done before, such as
 * the runs a resumed sweep skips, is not mistaken for speed).
 */
final class ProgressDisplay implements Progress, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressDisplay.class);

    private final String task;
    private final String unit;
    private final boolean quiet;
    private ProgressBar bar;
    private int lastDecile = -1;
    private int firstDone = -1;
    private long firstNanos;

    private ProgressDisplay(String task, String unit, boolean quiet) {
        this.task = task;
        this.unit = unit;
        this.quiet = quiet;
    }

    static ProgressDisplay open(String task, boolean quiet) {
        return new ProgressDisplay(task, null, quiet);
    }

    /** A display of {@code unit}s done, with their rate and the time left. */
    static ProgressDisplay withRate(String task, String unit, boolean quiet) {
        return new ProgressDisplay(task, unit, quiet);
    }

    @Override
    public void step(int done, int total) {
        if (quiet) {
            return;
        }
        if (firstDone < 0) {
            firstDone = done;
            firstNanos = System.nanoTime();
        }
        if (System.console() != null) {
            if (bar == null) {
                ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate();
                if (unit != null) {
                    builder.setUnit(" " + unit, 1).showSpeed(new DecimalFormat("0.00"))
                            .startsFrom(done, Duration.ZERO);
                }
                bar = builder.build();
            }
            bar.stepTo(done);
            return;
        }
        int decile = done * 10 / Math.max(1, total);
        if (decile != lastDecile) {
            lastDecile = decile;
            if (unit == null) {
                LOG.info("{}: {}/{} ({}%)", task, done, total, decile * 10);
            } else {
                LOG.info("{}: {}/{} {} ({}%){}", task, done, total, unit, decile * 10, rate(done, total));
            }
        }
    }

    /** ", 1.25 runs/s, 0:03:20 left", or nothing before the first unit of new work. */
    private String rate(int done, int total) {
        double seconds = (System.nanoTime() - firstNanos) / 1e9;
        if (done <= firstDone || seconds <= 0) {
            return "";
        }
        double perSecond = (done - firstDone) / seconds;
        long left = Math.round((total - done) / perSecond);
        return String.format(", %.2f %s/s, %d:%02d:%02d left", perSecond, unit, left / 3600, left / 60 % 60,
                left % 60);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
