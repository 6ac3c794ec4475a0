# Golden values for tests/LeadAnalytics.Tests/Funnel/CohortSegmentTests from R's survival package (Debian r-cran-survival).
# Run from this folder:  Rscript make_cohort_segment_golden.R
# Cohorts within segments: samples/data/leads.csv as of 2024-01-15 00:00 +08:00, monthly acquisition cohorts at UTC+08:00
# crossed with the channel, at W = 30 and 90 days. As in make_maturity_golden.R (won and lost compete from acquisition,
# open and stale leads censored at as-of), except that a cell whose own follow-up t ends before W borrows
# q = P(won in (t, W] | open at t) from its own channel's leads (all its cohorts), not from all leads:
# F(W) = F_cell(t) + S_cell(t) * q, q from survfit(..., start.time = t + 1e-7) on the channel's leads, checked against the
# ratio [F_ch(W) - F_ch(t)] / S_ch(t) of the channel's own fit.
#   cohort_segment_golden.csv: window,channel,cohort,leads,mature,t,f,s,se_f,se_lost,se_s,q,se_q   (17 significant digits; NA where not used)
suppressPackageStartupMessages(library(survival))
g17 <- function(x) ifelse(is.na(x), "NA", trimws(formatC(x, digits = 17, format = "g")))
states <- function(cause) factor(cause, levels = 0:2, labels = c("censor", "won", "lost"))
at <- function(fit, m, t, initial) { i <- findInterval(t, fit$time); if (i == 0) initial else m[i] }
fit_of <- function(m, start = NULL) {
  # survfit drops the states a subset never reaches from its columns; keep won and lost by name.
  if (is.null(start)) survfit(Surv(time[m], states(cause[m])) ~ 1) else survfit(Surv(time[m], states(cause[m])) ~ 1, start.time = start)
}
col <- function(fit, m, state) { j <- match(state, fit$states); if (is.na(j)) rep(0, nrow(m)) else m[, j] }

leads <- read.csv("../../../../samples/data/leads.csv", encoding = "UTF-8", colClasses = "character")
tz <- "Asia/Shanghai"
parse <- function(x) as.POSIXct(ifelse(x == "", NA, x), format = "%Y-%m-%d %H:%M", tz = tz)
acquired <- as.numeric(parse(leads$acquired_at))
won <- as.numeric(parse(leads$won_at))
lost <- as.numeric(parse(leads$lost_at))
as_of <- as.numeric(as.POSIXct("2024-01-15 00:00", format = "%Y-%m-%d %H:%M", tz = tz))
pop <- acquired <= as_of
won_by <- !is.na(won) & won <= as_of
lost_by <- !won_by & !is.na(lost) & lost <= as_of
end <- ifelse(won_by, won, ifelse(lost_by, lost, as_of))
cause <- ifelse(won_by, 1, ifelse(lost_by, 2, 0))
time <- pmax(0, end - acquired) / 86400
follow <- (as_of - acquired) / 86400
cohort <- format(as.POSIXct(acquired, origin = "1970-01-01", tz = tz), "%Y-%m")
channel <- leads$channel

out <- c()
for (w in c(30, 90)) {
  for (ch in sort(unique(channel[pop]), method = "radix")) {
    ref <- which(pop & channel == ch)
    ref_fit <- fit_of(ref)
    for (co in sort(unique(cohort[ref]))) {
      m <- ref[cohort[ref] == co]
      fit <- fit_of(m)
      t <- max(time[m])
      mature <- sum(follow[m] >= w)
      if (t >= w) {
        f <- at(fit, col(fit, fit$pstate, "won"), w, 0); se_f <- at(fit, col(fit, fit$std.err, "won"), w, 0)
        out <- c(out, paste(w, ch, co, length(m), mature, g17(t), g17(f), "NA", g17(se_f), "NA", "NA", "NA", "NA", sep = ","))
      } else {
        f <- at(fit, col(fit, fit$pstate, "won"), t, 0); s <- at(fit, fit$pstate[, 1], t, 1)
        se_f <- at(fit, col(fit, fit$std.err, "won"), t, 0); se_l <- at(fit, col(fit, fit$std.err, "lost"), t, 0); se_s <- at(fit, fit$std.err[, 1], t, 0)
        q <- NA_real_; se_q <- NA_real_
        if (sum(time[ref] > t) > 0) {
          f2 <- fit_of(ref, t + 1e-7)
          q <- at(f2, col(f2, f2$pstate, "won"), w, 0); se_q <- at(f2, col(f2, f2$std.err, "won"), w, 0)
          ratio <- (at(ref_fit, col(ref_fit, ref_fit$pstate, "won"), w, 0) - at(ref_fit, col(ref_fit, ref_fit$pstate, "won"), t, 0)) / at(ref_fit, ref_fit$pstate[, 1], t, 1)
          stopifnot(abs(ratio - q) < 1e-12)
        }
        out <- c(out, paste(w, ch, co, length(m), mature, g17(t), g17(f), g17(s), g17(se_f), g17(se_l), g17(se_s), g17(q), g17(se_q), sep = ","))
      }
    }
  }
}
writeLines(c("window,channel,cohort,leads,mature,t,f,s,se_f,se_lost,se_s,q,se_q", out), "cohort_segment_golden.csv")
cat(length(out), "cells\n")
