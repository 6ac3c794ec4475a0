# Reference values for tests/LeadAnalytics.Tests/Actions/ActionEvaluatorTests.cs (R 4.x, base stats).
# Before/after drop-off at NeedsConfirmed in the hand-counted data: 20 of 50 before, 8 of 40 after.
r <- prop.test(c(8, 20), c(40, 50), correct = FALSE)
cat(sprintf("z = %.17g, chi-square = %.17g, p = %.17g\n", -sqrt(r$statistic), r$statistic, r$p.value))
# z = -2.0365326999063917, chi-square = 4.1474654377880178, p = 0.041696892977442279
