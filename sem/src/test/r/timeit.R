# Warm timing of a fit: `warm` unmeasured calls, then the median, min and max of `n` calls.
timeit <- function(f, warm, n) {
  for (i in seq_len(warm)) f()
  t <- vapply(seq_len(n), function(i) {
    t0 <- proc.time()[["elapsed"]]; f(); proc.time()[["elapsed"]] - t0 }, 0)
  list(median.sec = median(t), min.sec = min(t), max.sec = max(t), warmup = warm, n = n)
}
