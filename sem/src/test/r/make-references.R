# Generate lavaan reference outputs and data sets for the vaar SEM engine tests.
#
# Run from the repository root:
#   Rscript sem/src/test/r/make-references.R
#
# Writes sem/src/test/resources/lavaan/<name>.json and
#        sem/src/test/resources/data/<name>.csv (+ bench-8groups.lav).
# Requires R packages lavaan and jsonlite (Debian: r-cran-lavaan r-cran-jsonlite).
# Deterministic: all random data use fixed seeds.

suppressPackageStartupMessages(library(lavaan))

out.json <- "sem/src/test/resources/lavaan"
out.data <- "sem/src/test/resources/data"
hs.csv   <- "/work/shared/reference/HolzingerSwineford1939.csv"
if (!file.exists(hs.csv)) hs.csv <- file.path(out.data, "HolzingerSwineford1939.csv")
dir.create(out.json, recursive = TRUE, showWarnings = FALSE)
dir.create(out.data, recursive = TRUE, showWarnings = FALSE)

LAV.VERSION <- as.character(packageVersion("lavaan"))

## ---------------------------------------------------------------- JSON writer
## Minimal hand-rolled writer: numbers with 10 significant digits (%.10g),
## NA/NaN -> null, named lists -> objects, unnamed lists -> arrays.
json.num <- function(x) {
  if (is.na(x)) return("null")
  if (is.infinite(x)) return(if (x > 0) "1e308" else "-1e308")
  s <- sprintf("%.10g", x)
  if (s == "-0") s <- "0"
  s
}
json.str <- function(x) {
  x <- gsub("\\\\", "\\\\\\\\", x)
  x <- gsub("\"", "\\\\\"", x)
  x <- gsub("\n", "\\\\n", x)
  x <- gsub("\t", "\\\\t", x)
  paste0("\"", x, "\"")
}
to.json <- function(x, indent = 0) {
  pad  <- strrep("  ", indent)
  pad1 <- strrep("  ", indent + 1)
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(x, to.json, "", indent = indent + 1)
    if (!is.null(names(x))) {
      items <- paste0(json.str(names(x)), ": ", items)
      return(paste0("{\n", pad1, paste(items, collapse = paste0(",\n", pad1)), "\n", pad, "}"))
    }
    return(paste0("[\n", pad1, paste(items, collapse = paste0(",\n", pad1)), "\n", pad, "]"))
  }
  if (length(x) != 1) stop("to.json: vectors must be wrapped with as.list()")
  if (is.logical(x)) return(if (is.na(x)) "null" else if (x) "true" else "false")
  if (is.numeric(x)) return(json.num(x))
  if (is.factor(x)) x <- as.character(x)
  if (is.na(x)) return("null")
  json.str(x)
}
write.json <- function(x, name) {
  f <- file.path(out.json, paste0(name, ".json"))
  writeLines(to.json(x), f)
  cat("wrote", f, "\n")
}

## ---------------------------------------------------------------- extraction
FIT.NAMES <- c("npar", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df",
               "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper",
               "rmsea.pvalue", "srmr", "aic", "bic", "bic2", "logl",
               "unrestricted.logl", "ntotal")
FIT.NAMES.ROBUST <- c("chisq.scaled", "df.scaled", "pvalue.scaled",
                      "chisq.scaling.factor", "baseline.chisq.scaled",
                      "baseline.df.scaled", "baseline.pvalue.scaled",
                      "baseline.chisq.scaling.factor", "cfi.scaled", "tli.scaled",
                      "rmsea.scaled", "rmsea.ci.lower.scaled",
                      "rmsea.ci.upper.scaled", "rmsea.pvalue.scaled",
                      "cfi.robust", "tli.robust", "rmsea.robust",
                      "rmsea.ci.lower.robust", "rmsea.ci.upper.robust",
                      "rmsea.pvalue.robust", "srmr_bentler", "srmr_bollen")
OPTION.NAMES <- c("estimator", "se", "test", "information", "h1.information",
                  "observed.information", "missing", "meanstructure", "fixed.x",
                  "likelihood")

extract <- function(fit, call) {
  fm <- fitMeasures(fit)
  robust <- lavInspect(fit, "options")$test[1] %in%
    c("yuan.bentler.mplus", "yuan.bentler", "satorra.bentler")
  nm <- FIT.NAMES
  if (robust) nm <- c(nm, FIT.NAMES.ROBUST)
  fitl <- lapply(nm, function(n) if (n %in% names(fm)) unname(as.numeric(fm[n])) else NA)
  names(fitl) <- nm

  pe <- parameterEstimates(fit, standardized = TRUE, remove.nonfree = FALSE)
  if (is.null(pe$group)) pe$group <- 1L
  if (is.null(pe$label)) pe$label <- ""
  keep <- pe$op %in% c("=~", "~", "~~", "~1")
  row <- function(i) {
    list(lhs = pe$lhs[i], op = pe$op[i], rhs = pe$rhs[i],
         group = as.integer(pe$group[i]), label = pe$label[i],
         est = pe$est[i], se = pe$se[i], z = pe$z[i], pvalue = pe$pvalue[i],
         std.lv = pe$std.lv[i], std.all = pe$std.all[i])
  }
  params <- lapply(which(keep), row)

  ## equality / defined constraints straight from the parameter table
  pt <- parTable(fit)
  cidx <- which(pt$op %in% c("==", ":=", "<", ">"))
  constraints <- lapply(cidx, function(i)
    list(lhs = pt$lhs[i], op = pt$op[i], rhs = pt$rhs[i]))
  pe.c <- which(pe$op %in% c(":="))
  defined <- lapply(pe.c, row)

  ## plabels of free parameters (so ".p2." in constraints can be resolved)
  free <- which(pt$free > 0)
  plabels <- lapply(free, function(i)
    list(lhs = pt$lhs[i], op = pt$op[i], rhs = pt$rhs[i],
         group = as.integer(pt$group[i]), label = pt$label[i],
         plabel = pt$plabel[i], free = as.integer(pt$free[i])))

  r2 <- lavInspect(fit, "r2")
  ng <- lavInspect(fit, "ngroups")
  if (ng == 1) r2 <- list(r2)
  r2l <- lapply(r2, function(v) { l <- as.list(unname(v)); names(l) <- names(v); l })
  names(r2l) <- as.character(seq_len(ng))

  opt <- lavInspect(fit, "options")
  optl <- lapply(OPTION.NAMES, function(n) {
    v <- opt[[n]]; if (length(v) == 1) v else as.list(v) })
  names(optl) <- OPTION.NAMES

  res <- list(lavaan = LAV.VERSION, call = call, fit = fitl, parameters = params,
              r2 = r2l, options = optl,
              group.labels = as.list(lavInspect(fit, "group.label")),
              nobs = as.list(as.numeric(lavInspect(fit, "nobs"))),
              converged = lavInspect(fit, "converged"))
  if (length(constraints) > 0) {
    res$constraints <- constraints
    res$free.parameters <- plabels
  }
  if (length(defined) > 0) res$defined <- defined
  res
}

## ---------------------------------------------------------------- data
## HS is read from the same CSV the Java tests use; school stays character, so
## lavaan orders groups by first appearance (1 = Pasteur, 2 = Grant-White).
HS <- read.csv(hs.csv, stringsAsFactors = FALSE)
HS.model <- ' visual  =~ x1 + x2 + x3
              textual =~ x4 + x5 + x6
              speed   =~ x7 + x8 + x9 '

write.data <- function(d, name) {
  f <- file.path(out.data, paste0(name, ".csv"))
  write.csv(d, f, row.names = FALSE, na = "")
  cat("wrote", f, "\n")
  ## refit on exactly what the CSV holds
  read.csv(f, stringsAsFactors = FALSE)
}

## HS with ~10% MCAR missingness on x1..x9, never a fully empty row
set.seed(20261128)
hs.miss <- HS
xs <- paste0("x", 1:9)
M <- matrix(runif(nrow(HS) * 9) < 0.10, nrow(HS), 9)
for (i in which(rowSums(M) == 9)) M[i, sample.int(9, 1)] <- FALSE
for (j in 1:9) hs.miss[[xs[j]]][M[, j]] <- NA
hs.miss <- write.data(hs.miss, "hs-missing")

PD <- write.data(lavaan::PoliticalDemocracy, "political-democracy")

## ---------------------------------------------------------------- benchmark data
make.bench <- function() {
  set.seed(42)
  G <- 8; N <- 1000; P <- 32
  items <- paste0("i", 1:P)
  fac <- c(rep(1, 10), rep(2, 10), rep(3, 12))
  reverse <- c(4, 9, 15, 23, 30)
  base.load <- runif(P, 0.6, 0.8)
  base.load[reverse] <- -base.load[reverse]
  ## thresholds: 6 cut points per item, item-specific shift/spread
  base.tau <- t(sapply(1:P, function(j) {
    sort(qnorm(c(0.05, 0.15, 0.32, 0.55, 0.78, 0.92)) * runif(1, 0.9, 1.1) +
           runif(1, -0.3, 0.3))
  }))
  out <- vector("list", G)
  for (g in 1:G) {
    b1 <- 0.25 + 0.05 * g          # F3 ~ F1, group-specific
    b2 <- 0.45 - 0.03 * g          # F3 ~ F2, group-specific
    r12 <- 0.2 + 0.03 * g
    mu <- c(rnorm(1, 0, 0.2), rnorm(1, 0, 0.2))
    load <- base.load + rnorm(P, 0, 0.04)   # small group-specific deviations
    Phi <- matrix(c(1, r12, r12, 1), 2)
    F12 <- matrix(rnorm(N * 2), N) %*% chol(Phi)
    F12 <- sweep(F12, 2, mu, "+")
    v.expl <- b1^2 + b2^2 + 2 * b1 * b2 * r12
    F3 <- b1 * F12[, 1] + b2 * F12[, 2] + rnorm(N, 0, sqrt(max(0.2, 1 - v.expl)))
    Fm <- cbind(F12, F3)
    Y <- matrix(NA_integer_, N, P)
    for (j in 1:P) {
      ystar <- load[j] * Fm[, fac[j]] + rnorm(N, 0, sqrt(1 - load[j]^2))
      tau <- base.tau[j, ] + rnorm(6, 0, 0.05) * (g %% 3 == 0)
      Y[, j] <- findInterval(ystar, sort(tau)) + 1L
    }
    colnames(Y) <- items
    out[[g]] <- data.frame(group = paste0("g", g), Y, stringsAsFactors = FALSE)
  }
  do.call(rbind, out)
}
bench <- write.data(make.bench(), "bench-8groups")
bench.model <- paste0(
  "F1 =~ ", paste0("i", 1:10, collapse = " + "), "\n",
  "F2 =~ ", paste0("i", 11:20, collapse = " + "), "\n",
  "F3 =~ ", paste0("i", 21:32, collapse = " + "), "\n",
  "F3 ~ F1 + F2\n")
writeLines(bench.model, file.path(out.data, "bench-8groups.lav"))
cat("wrote", file.path(out.data, "bench-8groups.lav"), "\n")


## ---------------------------------------------------------------- study data
## The audit's study model at questionnaire width: 3 groups x 200 sessions of 32 Likert items
## (CTRL, AWARE, COLL on 1-5; PSA, AODS on 1-7), ~10% of sessions with one or two blank cells.
make.study <- function() {
  set.seed(7)
  G <- 3; N <- 200
  scales <- list(ctrl = 3, aware = 3, coll = 4, psa = 16, aods = 6)
  points <- c(ctrl = 5, aware = 5, coll = 5, psa = 7, aods = 7)
  items <- unlist(lapply(names(scales), function(s) paste0(s, seq_len(scales[[s]]))))
  fac <- rep(seq_along(scales), unlist(scales))
  load <- runif(length(items), 0.55, 0.85)
  out <- vector("list", G)
  for (g in 1:G) {
    r <- 0.25 + 0.05 * g
    Phi <- matrix(r, 4, 4); diag(Phi) <- 1
    X <- matrix(rnorm(N * 4), N) %*% chol(Phi)
    X <- sweep(X, 2, rnorm(4, 0, 0.2), "+")
    b <- c(0.20, 0.15, 0.10 + 0.05 * g, 0.30)
    aods <- X %*% b + rnorm(N, 0, 0.7)
    Fm <- cbind(X, aods)
    Y <- matrix(NA_real_, N, length(items))
    for (j in seq_along(items)) {
      k <- points[[names(scales)[fac[j]]]]
      ystar <- load[j] * Fm[, fac[j]] + rnorm(N, 0, sqrt(1 - load[j]^2))
      tau <- qnorm(seq_len(k - 1) / k) + runif(1, -0.3, 0.3)
      Y[, j] <- findInterval(ystar, tau) + 1
    }
    for (i in which(runif(N) < 0.10)) Y[i, sample.int(length(items), sample(1:2, 1))] <- NA
    colnames(Y) <- items
    out[[g]] <- data.frame(group = paste0("s", g), Y, stringsAsFactors = FALSE)
  }
  do.call(rbind, out)
}
study <- write.data(make.study(), "study-3groups")
study.model <- paste0(
  "CTRL =~ ctrl1 + ctrl2 + ctrl3\n",
  "AWARE =~ aware1 + aware2 + aware3\n",
  "COLL =~ coll1 + coll2 + coll3 + coll4\n",
  "PSA =~ ", paste0("psa", 1:16, collapse = " + "), "\n",
  "AODS =~ ", paste0("aods", 1:6, collapse = " + "), "\n",
  "AODS ~ CTRL + AWARE + COLL + PSA\n")
writeLines(study.model, file.path(out.data, "study-3groups.lav"))
cat("wrote", file.path(out.data, "study-3groups.lav"), "\n")

## ---------------------------------------------------------------- fits
run <- function(name, call, expr) {
  fit <- expr
  if (!lavInspect(fit, "converged")) warning(name, ": not converged")
  write.json(extract(fit, call), name)
  invisible(fit)
}

run("hs-cfa", "cfa(HS.model, data=HS)", cfa(HS.model, data = HS))
run("hs-configural", "cfa(HS.model, data=HS, group=\"school\")",
    cfa(HS.model, data = HS, group = "school"))
run("hs-cfa-mlr", "cfa(HS.model, data=HS, estimator=\"MLR\")",
    cfa(HS.model, data = HS, estimator = "MLR"))
run("hs-configural-mlr", "cfa(HS.model, data=HS, group=\"school\", estimator=\"MLR\")",
    cfa(HS.model, data = HS, group = "school", estimator = "MLR"))
run("hs-fiml", "cfa(HS.model, data=hs-missing, missing=\"ml\")",
    cfa(HS.model, data = hs.miss, missing = "ml"))
run("hs-fiml-mlr", "cfa(HS.model, data=hs-missing, missing=\"ml\", estimator=\"MLR\")",
    cfa(HS.model, data = hs.miss, missing = "ml", estimator = "MLR"))

labels.model <- '
  visual  =~ x1 + a*x2 + a*x3
  textual =~ x4 + x5 + x6
  speed   =~ NA*x7 + x8 + x9
  speed ~~ 1*speed
  x2 ~~ x3
'
run("hs-labels", paste0("cfa(model, data=HS) with model: ", labels.model),
    cfa(labels.model, data = HS))

pd.model <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + a*y2 + b*y3 + c*y4
  dem65 =~ y5 + a*y6 + b*y7 + c*y8
  dem60 ~ ind60
  dem65 ~ ind60 + dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 ~~ y8
  y6 ~~ y8
'
pd.model.nolabels <- '
  ind60 =~ x1 + x2 + x3
  dem60 =~ y1 + y2 + y3 + y4
  dem65 =~ y5 + y6 + y7 + y8
  dem60 ~ ind60
  dem65 ~ ind60 + dem60
  y1 ~~ y5
  y2 ~~ y4 + y6
  y3 ~~ y7
  y4 ~~ y8
  y6 ~~ y8
'
run("political-democracy",
    paste0("sem(model, data=PoliticalDemocracy) with model: ", pd.model),
    sem(pd.model, data = PD))
run("political-democracy-nolabels",
    paste0("sem(model, data=PoliticalDemocracy) with model: ", pd.model.nolabels),
    sem(pd.model.nolabels, data = PD))

fit.conf   <- cfa(HS.model, data = HS, group = "school")
fit.metric <- run("hs-metric", "cfa(HS.model, data=HS, group=\"school\", group.equal=\"loadings\")",
                  cfa(HS.model, data = HS, group = "school", group.equal = "loadings"))
fit.scalar <- run("hs-scalar",
                  "cfa(HS.model, data=HS, group=\"school\", group.equal=c(\"loadings\",\"intercepts\"))",
                  cfa(HS.model, data = HS, group = "school",
                      group.equal = c("loadings", "intercepts")))
fit.strict <- run("hs-strict",
                  "cfa(HS.model, data=HS, group=\"school\", group.equal=c(\"loadings\",\"intercepts\",\"residuals\"))",
                  cfa(HS.model, data = HS, group = "school",
                      group.equal = c("loadings", "intercepts", "residuals")))
run("hs-scalar-mlr",
    "cfa(HS.model, data=HS, group=\"school\", group.equal=c(\"loadings\",\"intercepts\"), estimator=\"MLR\")",
    cfa(HS.model, data = HS, group = "school",
        group.equal = c("loadings", "intercepts"), estimator = "MLR"))

## invariance LRT table
lrt <- lavTestLRT(fit.conf, fit.metric, fit.scalar, fit.strict,
                  model.names = c("configural", "metric", "scalar", "strict"))
lrt.rows <- lapply(seq_len(nrow(lrt)), function(i) {
  r <- list(model = rownames(lrt)[i])
  for (cn in colnames(lrt)) r[[cn]] <- unname(as.numeric(lrt[i, cn]))
  r
})
fits <- list(configural = fit.conf, metric = fit.metric, scalar = fit.scalar,
             strict = fit.strict)
fm.each <- lapply(fits, function(f) {
  fm <- fitMeasures(f, c("chisq", "df", "cfi", "tli", "rmsea", "srmr", "aic", "bic"))
  l <- as.list(unname(fm)); names(l) <- names(fm); l })
write.json(list(lavaan = LAV.VERSION,
                call = "lavTestLRT(configural, metric, scalar, strict)",
                method = attr(lrt, "heading"),
                table = lrt.rows, fit = fm.each), "hs-invariance-lrt")

run("bench-8groups", "sem(model, data=bench, group=\"group\") with model from bench-8groups.lav",
    sem(bench.model, data = bench, group = "group"))

## observed covariates (fixed.x) and a pure path model
cov.model <- '
  visual  =~ x1 + x2 + x3
  textual =~ x4 + x5 + x6
  visual ~ ageyr + sex
  textual ~ visual + ageyr
'
run("hs-covariates", paste0("sem(model, data=HS) with model: ", cov.model),
    sem(cov.model, data = HS))
path.model <- '
  x4 ~ x1 + x2
  x5 ~ x4 + x3
  x6 ~ x4
'
run("hs-path", paste0("sem(model, data=HS) with model: ", path.model),
    sem(path.model, data = HS))
## FIML + MLR with groups: the estimator the VAAR analysis uses
run("hs-configural-fiml-mlr",
    "cfa(HS.model, data=hs-missing, group=\"school\", missing=\"ml\", estimator=\"MLR\")",
    cfa(HS.model, data = hs.miss, group = "school", missing = "ml", estimator = "MLR"))

## the audit's fit: the study model, MLR with FIML, by group
run("study-fiml-mlr",
    "sem(model, data=study, group=\"group\", missing=\"ml\", estimator=\"MLR\") with model from study-3groups.lav",
    sem(study.model, data = study, group = "group", missing = "ml", estimator = "MLR"))

## FIML + MLR with equality constraints (scalar invariance), and MLR with fixed.x covariates
## (complete and incomplete data): the Yuan–Bentler trace leaves the covariates' own moments
## out, and with missing data the robust CFI/TLI/RMSEA come from lavaan's FIML-corrected
## statistics
run("hs-scalar-fiml-mlr",
    "cfa(HS.model, data=hs-missing, group=\"school\", group.equal=c(\"loadings\",\"intercepts\"), missing=\"ml\", estimator=\"MLR\")",
    cfa(HS.model, data = hs.miss, group = "school", group.equal = c("loadings", "intercepts"),
        missing = "ml", estimator = "MLR"))
run("hs-covariates-mlr",
    paste0("sem(model, data=HS, estimator=\"MLR\") with model: ", cov.model),
    sem(cov.model, data = HS, estimator = "MLR"))
run("hs-covariates-fiml-mlr",
    paste0("sem(model, data=hs-missing, missing=\"ml\", estimator=\"MLR\") with model: ", cov.model),
    sem(cov.model, data = hs.miss, missing = "ml", estimator = "MLR"))

cat("done\n")
