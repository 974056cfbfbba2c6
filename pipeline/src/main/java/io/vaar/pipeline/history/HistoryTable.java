package io.vaar.pipeline.history;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text {@code ./vaar history} prints: the runs oldest first, then per model one line per run
 * (start date, sessions, VAAR with its interval, soft VAAR, what drifted in that run), then every
 * flagged change with both intervals, the runs that were skipped and why, and notes on runs that
 * are not like for like. Undefined numbers print as {@code -}.
 */
public final class HistoryTable {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneOffset.UTC);

  private HistoryTable() {
  }

  /** The table of {@code history}; {@code skipped} lines name run directories left out. */
  public static String format(AuditHistory history, List<String> skipped) {
    StringBuilder out = new StringBuilder();
    List<RunSnapshot> runs = history.runs();
    out.append(String.format(Locale.ROOT, "%d run%s, oldest first; each compared with the %s"
        + " run of the same model%n", runs.size(), runs.size() == 1 ? "" : "s",
        history.baseline() == AuditHistory.Baseline.FIRST ? "first" : "previous"));
    int idWidth = Math.max(6, runs.stream().mapToInt(r -> r.runId().length()).max().orElse(0));
    for (String model : history.models()) {
      out.append(String.format(Locale.ROOT, "%n%s%n", model));
      out.append(String.format(Locale.ROOT, "  %-" + idWidth + "s  %-16s %6s %6s  %-14s %5s  %s%n",
          "run", "started (UTC)", "n", "VAAR", "95% CI", "soft", "drift"));
      for (RunSnapshot run : history.runsOf(model)) {
        ModelSnapshot snapshot = run.model(model);
        Estimate vaar = snapshot.vaar();
        String drift = history.drifts(model, run.runId()).stream().map(Drift::measure)
            .collect(Collectors.joining(", "));
        out.append(String.format(Locale.ROOT, "  %-" + idWidth + "s  %-16s %6d %6s  %-14s %5s  %s%n",
            run.runId(), run.started() == null ? "-" : DATE.format(run.started()),
            snapshot.sessions(), number(vaar.value()), interval(vaar.interval()),
            number(snapshot.softVaar()), drift.isEmpty() ? "" : "CHANGED: " + drift));
      }
    }
    out.append(System.lineSeparator());
    if (history.drifts().isEmpty()) {
      out.append(runs.size() < 2 ? "No drift can be flagged with a single run."
          : "No drift: every VAAR and path interval overlaps the one it is compared with.");
      out.append(System.lineSeparator());
    } else {
      out.append(String.format(Locale.ROOT, "Drift (95%% bootstrap intervals do not overlap): %d"
          + " change%s%n", history.drifts().size(), history.drifts().size() == 1 ? "" : "s"));
      for (Drift drift : history.drifts()) {
        out.append(String.format(Locale.ROOT, "  %s  %s: %s %s in %s -> %s %s in %s%n",
            drift.model(), drift.measure(), number(drift.from().value()),
            interval(drift.from().interval()), drift.fromRun(), number(drift.to().value()),
            interval(drift.to().interval()), drift.toRun()));
      }
    }
    for (String line : skipped) {
      out.append("skipped: ").append(line).append(System.lineSeparator());
    }
    for (String note : history.notes()) {
      out.append("note: ").append(note).append(System.lineSeparator());
    }
    return out.toString();
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "-";
  }

  private static String interval(Interval interval) {
    return interval == null ? "-" : interval.toString();
  }
}
