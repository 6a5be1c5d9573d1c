#!/usr/bin/env Rscript
# Load a yrdsim comparison and a sweep, stack them, and plot the IotF share of the delta's
# revenue over time with 95% intervals over seeds. Base R only.
#
#   Rscript examples/analysis.R COMPARISON_DIR SWEEP_DIR [OUT_DIR]
#
# COMPARISON_DIR is what `yrdsim compare` wrote; SWEEP_DIR what `yrdsim sweep --keep series`
# wrote (without series, a sweep's final shares come from its results.csv, if it has the metric
# iotf_revenue_share.YRD). Writes OUT_DIR/iotf-share-r.csv (one row per source, group and
# quarter: mean, sd, n, ci95_low, ci95_high) and OUT_DIR/iotf-share-r.png; OUT_DIR defaults to
# the current directory. Every table's columns are in docs/DATA.md.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) {
  stop("usage: Rscript examples/analysis.R COMPARISON_DIR SWEEP_DIR [OUT_DIR]")
}
out_dir <- if (length(args) >= 3) args[3] else "."
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
run_columns <- c("run_id", "scenario", "seed")

# Every run's provinces.csv: timeseries/ if it is there, else each run's own file.
provinces <- function(dir) {
  combined <- file.path(dir, "timeseries", "provinces.csv")
  if (file.exists(combined)) {
    return(read.csv(combined, check.names = FALSE))
  }
  files <- sort(list.files(file.path(dir, "runs"), pattern = "^provinces\\.csv$", recursive = TRUE,
                           full.names = TRUE))
  if (length(files) == 0) {
    return(NULL)
  }
  do.call(rbind, lapply(files, read.csv, check.names = FALSE))
}

# The IotF share of the whole delta's revenue per run and step, with the source and group
# (a comparison's scenario, or a sweep's design point) of each run.
delta_share <- function(table, source) {
  keys <- names(table)[seq_len(match("period", names(table)))]  # run_id ... step, period
  table$iotf_revenue <- table$iotf_revenue_share * table$revenue
  sums <- aggregate(table[c("iotf_revenue", "revenue")], by = table[keys], FUN = sum)
  parameters <- setdiff(keys, c(run_columns, "step", "period"))
  group <- if (length(parameters) > 0) {
    apply(sums[parameters], 1, function(v) paste(parameters, trimws(v), sep = "=", collapse = ", "))
  } else {
    sums$scenario
  }
  data.frame(source = source, group = group, run_id = sums$run_id, seed = sums$seed, step = sums$step,
             period = sums$period, iotf_share = sums$iotf_revenue / sums$revenue)
}

# A sweep without series: the final share of each run from results.csv.
final_shares <- function(dir, source) {
  results <- read.csv(file.path(dir, "results.csv"), check.names = FALSE)
  if (!("iotf_revenue_share.YRD" %in% names(results))) {
    stop(dir, ": no series (run the sweep with --keep series) and no iotf_revenue_share.YRD in results.csv")
  }
  parameters <- names(read.csv(file.path(dir, "design.csv"), check.names = FALSE))[-1]
  group <- apply(results[parameters], 1, function(v) paste(parameters, trimws(v), sep = "=", collapse = ", "))
  data.frame(source = source, group = group, run_id = results$run_id, seed = results$seed, step = NA,
             period = "end", iotf_share = results[["iotf_revenue_share.YRD"]])
}

comparison <- provinces(args[1])
if (is.null(comparison)) {
  stop(args[1], ": no timeseries/provinces.csv and no runs/*/provinces.csv")
}
sweep <- provinces(args[2])
stacked <- rbind(delta_share(comparison, "comparison"),
                 if (is.null(sweep)) final_shares(args[2], "sweep") else delta_share(sweep, "sweep"))

# Mean, sd, n and the 95% interval of the mean over seeds, per source, group and quarter.
cells <- split(stacked, list(stacked$source, stacked$group, stacked$period), drop = TRUE)
stats <- do.call(rbind, lapply(cells, function(d) {
  n <- nrow(d)
  m <- mean(d$iotf_share)
  s <- if (n > 1) sd(d$iotf_share) else NA
  half <- if (n > 1) qt(0.975, n - 1) * s / sqrt(n) else NA
  data.frame(source = d$source[1], group = d$group[1], step = d$step[1], period = d$period[1], mean = m, sd = s,
             n = n, ci95_low = m - half, ci95_high = m + half)
}))
stats <- stats[order(stats$source, stats$group, stats$step), ]
rownames(stats) <- NULL
write.csv(stats, file.path(out_dir, "iotf-share-r.csv"), row.names = FALSE)

last <- do.call(rbind, lapply(split(stats, list(stats$source, stats$group), drop = TRUE),
                              function(d) d[nrow(d), ]))
for (i in seq_len(nrow(last))) {
  r <- last[i, ]
  cat(sprintf("%-10s %-50s %s: %6.3f%% [%6.3f, %6.3f] over %d seeds\n", r$source, r$group, r$period,
              100 * r$mean, 100 * r$ci95_low, 100 * r$ci95_high, r$n))
}

# One panel per source: mean IotF share in percent (as the charts show shares) and its 95% band.
png(file.path(out_dir, "iotf-share-r.png"), width = 1200, height = 450, family = "serif")  # "IotF", not "lotF"
sources <- unique(stats$source)
par(mfrow = c(1, length(sources)))
for (src in sources) {
  part <- stats[stats$source == src, ]
  x <- if (all(is.na(part$step))) seq_along(part$group) else part$step
  ylim <- c(0, max(100 * c(part$mean, part$ci95_high), na.rm = TRUE))
  plot(NA, xlim = range(x), ylim = ylim, xlab = "quarter", ylab = "IotF share (%), mean and 95% interval",
       main = paste0(src, ": IotF share of the delta's revenue"), xaxt = "n")
  ticks <- part[!duplicated(part$step), ]
  axis(1, at = if (all(is.na(part$step))) x else ticks$step,
       labels = if (all(is.na(part$step))) part$group else ticks$period)
  groups <- unique(part$group)
  for (k in seq_along(groups)) {
    g <- part[part$group == groups[k], ]
    gx <- if (all(is.na(g$step))) match(g$group, part$group) else g$step
    ok <- !is.na(g$ci95_low)
    if (any(ok)) {
      polygon(c(gx[ok], rev(gx[ok])), 100 * c(g$ci95_low[ok], rev(g$ci95_high[ok])),
              col = adjustcolor(k, alpha.f = 0.2), border = NA)
    }
    lines(gx, 100 * g$mean, col = k, lwd = 2, type = if (length(gx) == 1) "p" else "l")
  }
  legend("bottomright", legend = groups, col = seq_along(groups), lwd = 2, cex = 0.8)
}
invisible(dev.off())
cat("wrote", file.path(out_dir, "iotf-share-r.csv"), "and", file.path(out_dir, "iotf-share-r.png"), "\n")
