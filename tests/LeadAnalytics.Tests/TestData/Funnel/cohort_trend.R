# Reference values for FunnelAnalyzerTests.Cohorts.cs: four monthly cohorts of 30 leads whose first step converts
# 15, 10, 8 and 3 times (the rest lost at acquisition).
# Run: Rscript cohort_trend.R
options(digits = 17)
advanced <- c(15, 10, 8, 3)
n <- c(30, 30, 30, 30)
trend <- prop.trend.test(advanced, n)
cat(sprintf("trend: X-squared %.17g p %.17g\n", unname(trend$statistic), trend$p.value))
across <- chisq.test(cbind(advanced, n - advanced), correct = FALSE)
cat(sprintf("across cohorts: chi-square %.17g df %d p %.17g\n", unname(across$statistic), unname(across$parameter), across$p.value))
# December has no leads but keeps its place: the engine's scores are the cohort positions 0, 1, 3, 4.
gapped <- prop.trend.test(advanced, n, score = c(0, 1, 3, 4))
cat(sprintf("gapped trend: X-squared %.17g p %.17g\n", unname(gapped$statistic), gapped$p.value))
