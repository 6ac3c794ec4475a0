# Golden values for tests/LeadAnalytics.Tests/Forecast from R's survival package (Debian r-cran-survival 3.5).
# Run from this folder:  Rscript make_golden.R
# Conditional cumulative incidence P(won in (a, a+h] | open at a) = [F_won(a+h) - F_won(a)] / S(a) from the
# Aalen-Johansen fit of survfit(Surv(time, factor(status)) ~ 1), checked against survfit(..., start.time = a) (the fit
# restricted to those still open after a), and written with 17 significant digits.
#   conditional_golden.csv: set,a,h,p   for two synthetic competing-risk data sets (p = NA when S(a) = 0)
#   sample_golden.csv:      id,stage,a,h,p   for every open lead of samples/data/leads.csv as of 2024-01-15 00:00 +08:00,
#                           from its current stage's curve landmarked at stage entry (p = NA when the lead is longer in
#                           its stage than the last outcome observed there)
suppressPackageStartupMessages(library(survival))
g17 <- function(x) ifelse(is.na(x), "NA", trimws(formatC(x, digits = 17, format = "g")))

aj <- function(time, cause) {
  ms <- factor(cause, levels = 0:2, labels = c("censor", "won", "lost"))
  fit <- survfit(Surv(time, ms) ~ 1)
  stopifnot(identical(fit$states, c("(s0)", "won", "lost")))
  fit
}
# Right-continuous step value of a pstate column at t (before the first time: the initial state).
at <- function(fit, col, t, initial) { i <- findInterval(t, fit$time); if (i == 0) initial else fit$pstate[i, col] }
conditional <- function(fit, a, h) {
  s <- at(fit, 1, a, 1)
  if (s <= 0) return(NA_real_)
  (at(fit, 2, a + h, 0) - at(fit, 2, a, 0)) / s
}

rows <- c()
set.seed(20)
n <- 200
sets <- list(
  ties = list(time = round(rexp(n, 1 / 30), 0), cause = sample(0:2, n, replace = TRUE, prob = c(0.3, 0.3, 0.4))),
  continuous = list(time = rweibull(n, 1.3, 40), cause = sample(0:2, n, replace = TRUE, prob = c(0.2, 0.5, 0.3))))
for (name in names(sets)) {
  d <- sets[[name]]
  fit <- aj(d$time, d$cause)
  write.csv(data.frame(time = g17(d$time), cause = d$cause), paste0("conditional_", name, ".csv"), row.names = FALSE, quote = FALSE)
  for (a in c(0, 5, 12.5, 30, 47, 100.3, 1000)) {
    for (h in c(7, 30, 90)) {
      p <- conditional(fit, a, h)
      if (!is.na(p) && a > 0 && sum(d$time > a) > 0) {
        # The same probability from survival's own conditional fit. start.time = t keeps those with time >= t (open just
        # before t), so a hair after a keeps those open at a (time > a), as the ratio does.
        f2 <- survfit(Surv(d$time, factor(d$cause, levels = 0:2, labels = c("censor", "won", "lost"))) ~ 1, start.time = a + 1e-7)
        i <- findInterval(a + h, f2$time)
        q <- if (i == 0) 0 else f2$pstate[i, 2]
        stopifnot(abs(p - q) < 1e-12)
      }
      rows <- c(rows, paste(name, g17(a), h, g17(p), sep = ","))
    }
  }
}
writeLines(c("set,a,h,p", rows), "conditional_golden.csv")

# The sample data, read as LeadCsv reads it: times without an offset are UTC+08:00.
leads <- read.csv("../../../../samples/data/leads.csv", encoding = "UTF-8", colClasses = "character")
tz <- "Asia/Shanghai"
parse <- function(x) as.POSIXct(ifelse(x == "", NA, x), format = "%Y-%m-%d %H:%M", tz = tz)
stage_cols <- c("acquired_at", "contacted_at", "needs_confirmed_at", "proposal_at", "negotiation_at", "won_at")
stages <- sapply(stage_cols, function(c) as.numeric(parse(leads[[c]])))
lost <- as.numeric(parse(leads$lost_at))
as_of <- as.numeric(as.POSIXct("2024-01-15 00:00", format = "%Y-%m-%d %H:%M", tz = tz))
pop <- stages[, 1] <= as_of
won_by <- !is.na(stages[, 6]) & stages[, 6] <= as_of
lost_by <- !won_by & !is.na(lost) & lost <= as_of
end <- ifelse(won_by, stages[, 6], ifelse(lost_by, lost, as_of))
cause <- ifelse(won_by, 1, ifelse(lost_by, 2, 0))
open <- which(pop & cause == 0)
current <- sapply(open, function(r) max(which(!is.na(stages[r, 1:5]) & stages[r, 1:5] <= as_of)))
out <- c()
for (s in 1:5) {
  members <- which(pop & !is.na(stages[, s]) & stages[, s] <= as_of & end >= stages[, s])
  time <- (end[members] - stages[members, s]) / 86400
  fit <- aj(time, cause[members])
  last <- max(time[cause[members] != 0])
  for (k in which(current == s)) {
    r <- open[k]
    a <- (as_of - stages[r, s]) / 86400
    for (h in c(30, 60, 90)) {
      p <- if (a > last) NA_real_ else conditional(fit, a, h)
      out <- c(out, paste(leads$lead_id[r], s - 1, g17(a), h, g17(p), sep = ","))
    }
  }
}
writeLines(c("id,stage,a,h,p", out), "sample_golden.csv")
cat("open leads:", length(open), "\n")
