# The R anchor of the survival goal (issue 22): Kaplan-Meier, Aalen-Johansen and the log-rank test by channel with R's
# survival package, on the durations the benchmark project writes (`survival N`: channel, time in days, status 0 open,
# 1 won, 2 lost). Prints one line per estimator: its name, the median elapsed milliseconds of the repetitions, and the
# figures the benchmark checks against its own (medians by channel to the full precision, the log-rank chi-square).
# Usage: Rscript survival_anchor.R FILE REPETITIONS [km,aj,lr] (which estimators; all by default: R's Aalen-Johansen with
# its infinitesimal-jackknife errors takes minutes from a few hundred thousand leads)
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
reps <- as.integer(args[2])
which <- if (length(args) > 2) strsplit(args[3], ",")[[1]] else c("km", "aj", "lr")
d <- read.csv(file, colClasses = c("integer", "numeric", "integer"))
d$channel <- factor(d$channel)
d$won <- d$status == 1
d$state <- factor(d$status, levels = 0:2, labels = c("censor", "won", "lost"))

timed <- function(f) {
  ms <- numeric(reps)
  for (i in seq_len(reps)) {
    gc()
    ms[i] <- system.time(r <- f())[["elapsed"]] * 1000
  }
  list(ms = median(ms), value = r)
}

if ("km" %in% which) {
  km <- timed(function() survfit(Surv(time, won) ~ channel, data = d))
  med <- summary(km$value)$table[, "median"]
  cat(sprintf("kaplan-meier %.1f %s\n", km$ms, paste(sprintf("%.17g", med), collapse = " ")))
}

if ("aj" %in% which) {
  aj <- timed(function() survfit(Surv(time, state) ~ channel, data = d))
  # Cumulative incidence of won at the largest time (each channel's curve is flat after its own last time).
  s <- summary(aj$value, times = max(d$time), extend = TRUE)
  won <- s$pstate[, match("won", s$states)]
  cat(sprintf("aalen-johansen %.1f %s\n", aj$ms, paste(sprintf("%.17g", won), collapse = " ")))
}

if ("lr" %in% which) {
  lr <- timed(function() survdiff(Surv(time, won) ~ channel, data = d))
  cat(sprintf("log-rank %.1f %.17g\n", lr$ms, lr$value$chisq))
}
