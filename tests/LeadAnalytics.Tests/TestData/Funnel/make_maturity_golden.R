# Golden values for tests/LeadAnalytics.Tests/Funnel/FunnelMaturityTests from R's survival package (Debian r-cran-survival 3.5).
# Run from this folder:  Rscript make_maturity_golden.R
# For samples/data/leads.csv as of 2024-01-15 00:00 +08:00, monthly acquisition cohorts at UTC+08:00 and the whole funnel
# ("(all)"), at the windows W = 30 and 90 days: won and lost compete from acquisition, open (and stale) leads are censored
# at as-of. Each cell's longest observed time t = max(time); when t >= W the projection is the Aalen-Johansen cumulative
# incidence of won at W, pstate[, "won"] of survfit(Surv(time, factor(status)) ~ 1), with its std.err (infinitesimal
# jackknife). When t < W, the pieces of the documented rule F(W) = F_cell(t) + S_cell(t) * q are written: F_cell(t),
# S_cell(t) and their std.err from the cell's fit, and q = P(won in (t, W] | open at t) with its std.err from the pooled
# fit started just after t (survfit(..., start.time = t + 1e-7): the pooled leads still open after t), checked against
# the ratio [F_ref(W) - F_ref(t)] / S_ref(t).
#   maturity_golden.csv: window,cohort,leads,mature,t,f,s,se_f,se_lost,se_s,q,se_q   (17 significant digits; NA where not used)
suppressPackageStartupMessages(library(survival))
g17 <- function(x) ifelse(is.na(x), "NA", trimws(formatC(x, digits = 17, format = "g")))
states <- function(cause) factor(cause, levels = 0:2, labels = c("censor", "won", "lost"))
at <- function(fit, m, t, initial) { i <- findInterval(t, fit$time); if (i == 0) initial else m[i] }

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
ref <- which(pop)
ref_fit <- survfit(Surv(time[ref], states(cause[ref])) ~ 1)

out <- c()
for (w in c(30, 90)) {
  cells <- c(list("(all)" = ref), lapply(split(ref, cohort[ref]), identity))
  for (name in names(cells)) {
    m <- cells[[name]]
    fit <- survfit(Surv(time[m], states(cause[m])) ~ 1)
    stopifnot(identical(fit$states, c("(s0)", "won", "lost")))
    t <- max(time[m])
    mature <- sum(follow[m] >= w)
    if (t >= w) {
      f <- at(fit, fit$pstate[, 2], w, 0); se_f <- at(fit, fit$std.err[, 2], w, 0)
      out <- c(out, paste(w, name, length(m), mature, g17(t), g17(f), "NA", g17(se_f), "NA", "NA", "NA", "NA", sep = ","))
    } else {
      f <- at(fit, fit$pstate[, 2], t, 0); s <- at(fit, fit$pstate[, 1], t, 1)
      se_f <- at(fit, fit$std.err[, 2], t, 0); se_l <- at(fit, fit$std.err[, 3], t, 0); se_s <- at(fit, fit$std.err[, 1], t, 0)
      q <- NA_real_; se_q <- NA_real_
      if (sum(time[ref] > t) > 0) {
        f2 <- survfit(Surv(time[ref], states(cause[ref])) ~ 1, start.time = t + 1e-7)
        q <- at(f2, f2$pstate[, 2], w, 0); se_q <- at(f2, f2$std.err[, 2], w, 0)
        ratio <- (at(ref_fit, ref_fit$pstate[, 2], w, 0) - at(ref_fit, ref_fit$pstate[, 2], t, 0)) / at(ref_fit, ref_fit$pstate[, 1], t, 1)
        stopifnot(abs(ratio - q) < 1e-12)
      }
      out <- c(out, paste(w, name, length(m), mature, g17(t), g17(f), g17(s), g17(se_f), g17(se_l), g17(se_s), g17(q), g17(se_q), sep = ","))
    }
  }
}
writeLines(c("window,cohort,leads,mature,t,f,s,se_f,se_lost,se_s,q,se_q", out), "maturity_golden.csv")
cat(out, sep = "\n")
