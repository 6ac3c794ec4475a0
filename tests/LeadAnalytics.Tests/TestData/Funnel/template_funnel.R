# Reference values for the template's funnel example (DIGEST section 2, step 5.2) as built in
# tests/LeadAnalytics.Tests/Funnel/FunnelAnalyzerTests.Template.cs: 1000 leads; resolved drop-offs 10%, 40%, 20%, 25%, 25%.
# Run: Rscript template_funnel.R
options(digits = 17)
entered <- c(1000, 900, 540, 432, 324)
dropped <- c(100, 360, 108, 108, 81)
advanced <- entered - dropped
b <- which.max(dropped / entered)
cat(sprintf("bottleneck step %d (0-based)\n", b - 1))
# The bottleneck step against the pooled other steps (two-proportion z with pooled variance = prop.test without correction).
vs <- prop.test(c(dropped[b], sum(dropped[-b])), c(entered[b], sum(entered[-b])), correct = FALSE)
cat(sprintf("versus others: z^2 %.17g p %.17g\n", unname(vs$statistic), vs$p.value))
# Every step has the same drop-off: Pearson chi-square on steps x (advanced, dropped).
across <- chisq.test(cbind(advanced, dropped), correct = FALSE)
cat(sprintf("across steps: chi-square %.17g df %d p %.17g\n", unname(across$statistic), unname(across$parameter), across$p.value))
# Target: drop-off at needs discovery 40% -> 25% (the template's optimisation action).
t <- prop.test(dropped[2], entered[2], p = 0.25, correct = FALSE)
cat(sprintf("target 25%%: X-squared %.17g p %.17g\n", unname(t$statistic), t$p.value))
ci <- prop.test(dropped[2], entered[2], correct = FALSE)$conf.int
cat(sprintf("Wilson 95%% of 360/900: %.17g %.17g\n", ci[1], ci[2]))
