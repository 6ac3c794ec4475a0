# Golden values for tests/LeadAnalytics.Tests/CycleTime from R's survival package.
# Run from this folder:  Rscript make_golden.R   (needs r-cran-survival and r-cran-jsonlite)
# Writes survival_golden.json: for each data set its inputs and what survfit, summary/print/quantile.survfit and survdiff
# report. Non-finite values (NA, NaN, Inf) are written as null; numbers with 17 significant digits.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
probs <- c(0.1, 0.25, 0.5, 0.75, 0.9)

one_set <- function(name, time, status, cause, group, horizons) {
  out <- list(name = name, survival = as.character(packageVersion("survival")),
              time = time, status = status, cause = cause, group = group)
  s <- Surv(time, status)
  for (ct in c("log", "log-log", "plain")) {
    fit <- survfit(s ~ 1, conf.type = ct)
    sm <- summary(fit, censored = TRUE)
    tab <- summary(fit)$table
    q <- quantile(fit, probs)
    key <- gsub("-", "", ct)
    out[[paste0("km_", key)]] <- list(
      time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, n_censor = fit$n.censor,
      surv = fit$surv, std_err = fin(sm$std.err), std_err_log = fin(fit$std.err),
      lower = fin(fit$lower), upper = fin(fit$upper),
      median = fin(tab[c("median", "0.95LCL", "0.95UCL")]),
      quantile_probs = probs, quantile = fin(q$quantile), quantile_lower = fin(q$lower), quantile_upper = fin(q$upper))
  }
  fit <- survfit(s ~ 1)
  rm <- lapply(horizons, function(h) {
    tb <- summary(fit, rmean = h)$table
    list(horizon = h, rmean = fin(tb["rmean"]), se = fin(tb["se(rmean)"]))
  })
  tb <- summary(fit, rmean = "common")$table
  out$rmean <- rm
  out$rmean_default <- list(horizon = max(time), rmean = fin(tb["rmean"]), se = fin(tb["se(rmean)"]))
  if (length(unique(group)) > 1) {
    out$logrank <- lapply(c(0, 1), function(rho) {
      sd <- survdiff(s ~ group, rho = rho)
      df <- sum(sd$exp > 0) - 1
      list(rho = rho, chisq = sd$chisq, df = df, p = pchisq(sd$chisq, df, lower.tail = FALSE),
           n = as.numeric(sd$n), obs = as.numeric(sd$obs), exp = as.numeric(sd$exp), var = diag(sd$var))
    })
  }
  if (any(cause == 2)) {
    ms <- factor(cause, levels = 0:2, labels = c("censor", "won", "lost"))
    aj <- survfit(Surv(time, ms) ~ 1)
    stopifnot(identical(aj$states, c("(s0)", "won", "lost")))
    # std.err of pstate is the infinitesimal jackknife (survfit's default for multi-state data).
    out$aj <- list(time = aj$time, n_risk = aj$n.risk[, 1], pstate = unname(aj$pstate), std_err = unname(aj$std.err),
                   n_event_won = aj$n.event[, 2], n_event_lost = aj$n.event[, 3], n_censor = aj$n.censor)
    for (ct in c("log", "log-log", "plain")) {
      a <- survfit(Surv(time, ms) ~ 1, conf.type = ct)
      out$aj[[paste0("lower_", gsub("-", "", ct))]] <- unname(apply(a$lower, 2, fin))
      out$aj[[paste0("upper_", gsub("-", "", ct))]] <- unname(apply(a$upper, 2, fin))
    }
  }
  out
}

sets <- list()

# 1. The classic acute myelogenous leukaemia data (Embury et al.), groups Maintained = 0 / Nonmaintained = 1.
sets[[1]] <- one_set("aml", aml$time, aml$status, aml$status, as.integer(aml$x == "Nonmaintained"), c(10, 40, 161, 200))

# 2. A lead-like set: days from acquisition to won (cause 1) or lost (cause 2), open leads censored (0); ties between
#    events and censorings (2, 5, 9, 14 days) and between won and lost (5, 21); three channels. The first 10 events
#    bring S to exactly 0.5 before a flat stretch (the midpoint rule).
lead_time  <- c(0.5, 1, 2, 2, 2, 3.25, 4, 5, 5, 5, 6, 7, 9, 9, 9, 10, 12, 14, 14, 14, 15, 18, 21, 21, 21, 25, 30, 30, 33.5, 40,
                2, 5, 9, 14, 21, 45, 45, 60, 60, 75)
lead_cause <- c(1, 1, 1, 2, 0, 1, 2, 1, 2, 0, 1, 1, 1, 0, 2, 1, 2, 1, 0, 0, 2, 1, 1, 2, 0, 1, 0, 0, 1, 2,
                0, 0, 0, 0, 0, 1, 0, 2, 0, 0)
lead_group <- rep(c(0, 1, 2, 1, 0), 8)
sets[[2]] <- one_set("leads", lead_time, as.integer(lead_cause == 1), lead_cause, lead_group, c(7, 30, 75, 100))

# 3. S reaches exactly 0.5 on a flat stretch and then drops: the median is the midpoint of that stretch.
sets[[3]] <- one_set("midpoint", c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 1, 1, 0, 1, 1, 0), c(1, 1, 2, 1, 0, 1, 2, 0),
                     c(0, 1, 0, 1, 0, 1, 0, 1), c(4, 8))

# 4. The curve ends at exactly 0.5: print.survfit's median is where it got there, quantile.survfit's the midpoint to the end.
sets[[4]] <- one_set("flat_end", c(1, 2, 3, 4), c(1, 1, 0, 0), c(1, 1, 0, 0), c(0, 0, 1, 1), c(2, 4))

# 5. No censoring: S is 1 - ECDF, the last S is 0 (bands undefined there).
sets[[5]] <- one_set("no_censoring", c(3, 1, 4, 1, 5, 9, 2, 6), rep(1, 8), rep(1, 8), c(0, 0, 0, 0, 1, 1, 1, 1), c(5))

# 6. Times that differ only by floating-point noise (0.1 + 0.2 vs 0.3, 1 vs 1 + 1e-10): survfit's timefix makes them ties.
sets[[length(sets) + 1]] <- one_set("near_ties", c(0.1 + 0.2, 0.3, 1, 1 + 1e-10, 2, 3 - 1e-12, 3, 4, 5, 6),
                                    c(1, 0, 0, 1, 1, 1, 0, 1, 0, 1), c(1, 0, 0, 2, 1, 1, 0, 2, 0, 1), c(0, 1, 0, 1, 0, 1, 0, 1, 0, 1), c(3, 6))

# 7. A larger random set with many ties (whole days), four groups, won/lost/open.
set.seed(20231001)
n <- 300
grp <- sample(0:3, n, replace = TRUE)
t_event <- ceiling(rexp(n, rate = c(1/20, 1/35, 1/50, 1/30)[grp + 1]))
t_cens <- ceiling(runif(n, 1, 90))
kind <- ifelse(runif(n) < 0.6, 1, 2)
rt <- pmin(t_event, t_cens)
rc <- ifelse(t_event <= t_cens, kind, 0)
sets[[length(sets) + 1]] <- one_set("random", rt, as.integer(rc == 1), rc, grp, c(30, 60))

# Numbers are written with 17 significant digits (jsonlite stops at 15), so inputs such as 0.1 + 0.2 survive exactly.
num17 <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
verbatim <- function(o) {
  if (is.list(o)) return(lapply(o, verbatim))
  if (!is.numeric(o)) return(o)
  if (is.matrix(o)) return(structure(paste0("[", paste0("[", apply(o, 1, function(r) paste(num17(r), collapse = ",")), "]", collapse = ","), "]"), class = "json"))
  if (length(o) == 1) return(structure(num17(o), class = "json"))
  structure(paste0("[", paste(num17(o), collapse = ","), "]"), class = "json")
}
writeLines(toJSON(verbatim(sets), auto_unbox = TRUE, json_verbatim = TRUE, pretty = FALSE), "survival_golden.json")
cat("wrote", length(sets), "data sets\n")
