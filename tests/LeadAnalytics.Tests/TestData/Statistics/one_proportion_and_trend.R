# Reference values for OneProportionTests.ScoreZ and TrendTests.CochranArmitage (tests/.../Statistics/OneProportionAndTrendTests.cs).
# Run: Rscript one_proportion_and_trend.R
options(digits = 17)
show <- function(label, t) cat(sprintf("%s: X-squared %.17g, p %.17g\n", label, unname(t$statistic), t$p.value))
# One proportion, score test without continuity correction: X-squared = z^2.
show("prop.test(360, 900, p = 0.25)", prop.test(360, 900, p = 0.25, correct = FALSE))
show("prop.test(12, 50, p = 0.3)", prop.test(12, 50, p = 0.3, correct = FALSE))
show("prop.test(0, 20, p = 0.1)", prop.test(0, 20, p = 0.1, correct = FALSE))
ci <- prop.test(12, 50, correct = FALSE)$conf.int
cat(sprintf("Wilson 95%% of 12/50: %.17g %.17g\n", ci[1], ci[2]))
# Trend in proportions (Cochran-Armitage): X-squared = z^2.
show("prop.trend.test(c(15,10,8,3), c(30,30,30,30))", prop.trend.test(c(15, 10, 8, 3), c(30, 30, 30, 30)))
show("prop.trend.test(c(5,9,14,20), c(40,41,43,45), score = c(0,1,3,4))", prop.trend.test(c(5, 9, 14, 20), c(40, 41, 43, 45), score = c(0, 1, 3, 4)))
