# Reference values for tests/LeadAnalytics.Tests/Statistics/NumericalEdgeTests.cs (edges found by mutation testing,
# docs/mutation-testing.md). Run: Rscript numerical_edges.R   (R 4.x, base stats only).
print(qbeta(0.025, 0.5, 1000.5), digits = 17)                                  # 4.909116947944413e-07  Jeffreys(0, 1000) lower
print(qbeta(0.025, 1, 1e6), digits = 17)                                       # 2.5317807663794191e-08 Clopper-Pearson(1, 1e6) lower
print(fisher.test(matrix(c(5000, 4900, 5000, 5100), 2))$p.value, digits = 17)  # 0.16146929150845807
print(suppressWarnings(chisq.test(diag(10, 3)))$p.value, digits = 17)          # 2.9008631203404654e-12 (= 31 exp(-30))
print(suppressWarnings(prop.trend.test(c(2, 8), c(10, 10)))$statistic, digits = 17)  # 7.2000000000000028 (z = 2.6832815729997476)
