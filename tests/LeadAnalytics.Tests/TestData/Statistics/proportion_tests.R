# Reference values for tests/LeadAnalytics.Tests/Statistics/ProportionTestsTests.cs.
# Run: Rscript proportion_tests.R   (R 4.x, base stats only). The template's example: Douyin 40/500, trade show 30/200,
# SEO 25/300 won/leads.
r <- prop.test(c(40, 30), c(500, 200), correct = FALSE)
print(r$statistic, digits = 17); print(r$p.value, digits = 17)   # 7.7777777777777777 0.0052892821422938739
m <- matrix(c(40, 460, 30, 170, 25, 275), ncol = 2, byrow = TRUE)
r <- chisq.test(m); print(r$statistic, digits = 17); print(r$p.value, digits = 17)   # 8.8203935252495871 0.012152786880403567
m2 <- matrix(c(40, 460, 30, 170), ncol = 2, byrow = TRUE)
r <- chisq.test(m2, correct = TRUE); print(r$statistic, digits = 17); print(r$p.value, digits = 17)   # 7.0194444444444448 0.0080629243704064702
# statsmodels: proportions_ztest([40, 30], [500, 200]) -> (-2.7888667551135846, 0.005289282142293885)
