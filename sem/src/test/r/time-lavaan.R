# Warm fit timings of lavaan on this machine. Run from the repo root after
# make-references.R:  Rscript sem/src/test/r/time-lavaan.R
suppressPackageStartupMessages(library(lavaan))
dd <- "sem/src/test/resources/data"
hs.csv <- "/work/shared/reference/HolzingerSwineford1939.csv"
HS <- read.csv(hs.csv, stringsAsFactors = FALSE)
HS.model <- ' visual  =~ x1 + x2 + x3
              textual =~ x4 + x5 + x6
              speed   =~ x7 + x8 + x9 '
hs.miss <- read.csv(file.path(dd, "hs-missing.csv"), stringsAsFactors = FALSE)
bench <- read.csv(file.path(dd, "bench-8groups.csv"), stringsAsFactors = FALSE)
bench.model <- paste(readLines(file.path(dd, "bench-8groups.lav")), collapse = "\n")

source("sem/src/test/r/timeit.R")
res <- list(
  "hs-cfa"        = c(call = "cfa(HS.model, data=HS)",
                      timeit(function() cfa(HS.model, data = HS), 3, 30)),
  "hs-fiml"       = c(call = "cfa(HS.model, data=hs-missing, missing=\"ml\")",
                      timeit(function() cfa(HS.model, data = hs.miss, missing = "ml"), 3, 30)),
  "bench-8groups" = c(call = "sem(model, data=bench, group=\"group\")",
                      timeit(function() sem(bench.model, data = bench, group = "group"), 1, 5)),
  "bench-8groups-mlr" = c(call = "sem(model, data=bench, group=\"group\", estimator=\"MLR\")",
                      timeit(function() sem(bench.model, data = bench, group = "group",
                                            estimator = "MLR"), 1, 5)))
cpu <- trimws(sub("Model name:", "", system("lscpu | grep 'Model name'", intern = TRUE)))
out <- list(R = R.version.string, lavaan = as.character(packageVersion("lavaan")),
            nproc = as.integer(system("nproc", intern = TRUE)), cpu = cpu,
            blas = tryCatch(La_library(), error = function(e) NA),
            date = format(Sys.time(), "%Y-%m-%d"), timings = res)
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = I(4)),
           "sem/src/test/r/lavaan-timings.json")
print(out)
