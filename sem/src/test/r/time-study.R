# Warm fit timings of lavaan for the audit's study model (MLR + FIML, 3 groups x 200), the
# fit the audit runs three times (configural, metric, scalar). Run from the repository root
# after make-references.R:  Rscript sem/src/test/r/time-study.R   (~5 min)
suppressPackageStartupMessages(library(lavaan))
dd <- "sem/src/test/resources/data"
study <- read.csv(file.path(dd, "study-3groups.csv"), stringsAsFactors = FALSE)
study.model <- paste(readLines(file.path(dd, "study-3groups.lav")), collapse = "\n")
fit <- function(estimator) function() sem(study.model, data = study, group = "group",
                                            missing = "ml", estimator = estimator)
source("sem/src/test/r/timeit.R")
res <- list(
  "study-fiml-ml"  = c(call = "sem(model, data=study, group=\"group\", missing=\"ml\")",
                       timeit(fit("ML"), 1, 3)),
  "study-fiml-mlr" = c(call = "sem(model, data=study, group=\"group\", missing=\"ml\", estimator=\"MLR\")",
                       timeit(fit("MLR"), 1, 3)))
cpu <- trimws(sub("Model name:", "", system("lscpu | grep 'Model name'", intern = TRUE)))
out <- list(R = R.version.string, lavaan = as.character(packageVersion("lavaan")),
            nproc = as.integer(system("nproc", intern = TRUE)), cpu = cpu,
            date = format(Sys.time(), "%Y-%m-%d"), timings = res)
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = I(4)),
           "sem/src/test/r/lavaan-study-timings.json")
print(out)
