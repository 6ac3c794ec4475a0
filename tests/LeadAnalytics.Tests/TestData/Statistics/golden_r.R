# Reference values for tests/LeadAnalytics.Tests/Statistics/GoldenStatisticsTests.cs, from R's base stats only.
# Regenerate: Rscript golden_r.R > golden_r.csv   (R 4.2.2 was used)
# Line format: kind,inputs (space-separated),expected values (space-separated), printed with 17 significant digits.
out <- function(kind, inputs, values) {
  if (is.numeric(inputs)) inputs <- sapply(inputs, function(z) format(z, scientific = FALSE))
  cat(kind, ",", paste(inputs, collapse = " "), ",", paste(trimws(formatC(values, digits = 17, format = "g")), collapse = " "), "\n", sep = "")
}
intervals <- list(c(0, 10, .95), c(1, 10, .95), c(5, 10, .95), c(10, 10, .95), c(40, 500, .95), c(30, 200, .95),
                  c(25, 300, .95), c(1, 10000, .95), c(0, 1, .95), c(1, 1, .95), c(999, 1000, .95), c(7, 23, .90),
                  c(3, 4, .99), c(500, 100000, .95), c(50000, 100000, .95))
for (v in intervals) {
  x <- v[1]; n <- v[2]; conf <- v[3]; a <- 1 - conf
  # Clopper-Pearson: binom.test's exact interval.
  out("clopper_pearson", v, binom.test(x, n, conf.level = conf)$conf.int)
  # Jeffreys: equal-tailed Beta(x + 1/2, n - x + 1/2) quantiles, no boundary modification.
  out("jeffreys", v, qbeta(c(a / 2, 1 - a / 2), x + 0.5, n - x + 0.5))
}
# Fisher's exact test, two-sided; the table is matrix(c(a, c, b, d), 2) = rows (a, b) and (c, d).
fisher <- list(c(3, 1, 1, 3), c(40, 460, 30, 170), c(1, 9, 11, 3), c(0, 5, 5, 0), c(2, 48, 10, 40), c(0, 10, 0, 10),
               c(10, 10, 10, 10), c(25, 275, 70, 630), c(500, 4500, 450, 4550), c(1, 0, 0, 0), c(2, 8, 93, 907),
               c(0, 30, 12, 18), c(120, 880, 40, 960))
for (t in fisher) out("fisher", t, fisher.test(matrix(c(t[1], t[3], t[2], t[4]), 2))$p.value)
# Holm (p.adjust); NA is written as the word NA.
holm <- list(c(0.01, 0.04, 0.03, 0.005), c(0.02, NA, 0.5, 0.001), c(0.01, 0.01, 0.02), c(0.3, 0.6, 0.9), c(0.04))
for (p in holm) out("holm", ifelse(is.na(p), "NA", as.character(p)), p.adjust(p, "holm"))
# Each segment against the rest: won/leads per segment; Cochran's rule picks Fisher when an expected count is below 5,
# else the z test (prop.test without correction), then Holm over the segments.
segments <- matrix(c(40, 500, 30, 200, 25, 300, 2, 10), ncol = 2, byrow = TRUE)
total <- colSums(segments)
p <- apply(segments, 1, function(s) {
  rest <- total - s
  m <- matrix(c(s[1], rest[1], s[2] - s[1], rest[2] - rest[1]), 2)
  expected <- outer(rowSums(m), colSums(m)) / sum(m)
  if (min(expected) < 5) fisher.test(m)$p.value else prop.test(c(s[1], rest[1]), c(s[2], rest[2]), correct = FALSE)$p.value
})
out("versus_rest_p", as.vector(t(segments)), p)
out("versus_rest_holm", as.vector(t(segments)), p.adjust(p, "holm"))
