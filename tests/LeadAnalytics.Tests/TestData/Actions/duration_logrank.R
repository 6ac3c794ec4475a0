# Reference values for DurationEvidenceTests (R survival). The hand-counted data of ActionTestData.NeedsDiscovery():
# stages follow 1, 3, 6, 10, 15 days after acquisition, a loss 2 days after the furthest stage; every lead is resolved.
library(survival)
cohort <- function(uncontacted, lostAtContact, confirmed) {
  i <- seq_len(confirmed) - 1
  k <- 2 + i %% 4                                   # furthest stage of the confirmed leads; 5 = won
  confirmedDays <- ifelse(k == 5, 15, c(0, 1, 3, 6, 10)[k + 1] + 2)
  c(rep(2, uncontacted), rep(3, lostAtContact), confirmedDays)
}
before <- cohort(5, 20, 30); after <- cohort(5, 8, 32)
t <- c(before, after); g <- c(rep(0, length(before)), rep(1, length(after)))
cycle <- survdiff(Surv(t, rep(TRUE, length(t))) ~ g)
cat(sprintf("cycle: chisq = %.17g, p = %.17g\n", cycle$chisq, pchisq(cycle$chisq, 1, lower.tail = FALSE)))
# Speed to lead: contacted leads at 1 day (event), the uncontacted censored at their loss (2 days).
s <- c(rep(2, 5), rep(1, 50), rep(2, 5), rep(1, 40)); e <- c(rep(FALSE, 5), rep(TRUE, 50), rep(FALSE, 5), rep(TRUE, 40))
sg <- c(rep(0, 55), rep(1, 45))
speed <- survdiff(Surv(s, e) ~ sg)
cat(sprintf("speed: chisq = %.17g, p = %.17g\n", speed$chisq, pchisq(speed$chisq, 1, lower.tail = FALSE)))
# cycle: chisq = 1.4112175721537661, p = 0.23485437447936225
# speed: chisq = 0.1111111111111111, p = 0.73888268036352733
