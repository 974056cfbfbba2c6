package io.vaar.pipeline.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Repeated audits lined up: the runs ordered oldest first (by the start time in their manifests,
 * then by run id), every model that any of them audited, and the {@link Drift}s — each VAAR or
 * path whose bootstrap interval in a run does not overlap its interval in the run it is compared
 * with. A run is compared with the previous run that audited the same model ({@link
 * Baseline#PREVIOUS}, which catches sudden changes) or with the first such run ({@link
 * Baseline#FIRST}, which also catches slow drift). Runs that differ in alpha, estimator,
 * comparison level or expected signs are still lined up, with a note that they are not like for
 * like.
 */
public final class AuditHistory {

  /** What each run is compared with. */
  public enum Baseline {
    PREVIOUS, FIRST;

    /** The name on the command line and in JSON. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final List<RunSnapshot> runs;
  private final Baseline baseline;
  private final List<String> models;
  private final List<Drift> drifts;
  private final List<String> notes;

  private AuditHistory(List<RunSnapshot> runs, Baseline baseline) {
    this.runs = runs;
    this.baseline = baseline;
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(run -> run.models().forEach(model -> names.add(model.model())));
    this.models = List.copyOf(names);
    this.drifts = findDrifts();
    this.notes = settingNotes();
  }

  /** The history of {@code runs} (in any order) compared against {@code baseline}. */
  public static AuditHistory of(List<RunSnapshot> runs, Baseline baseline) {
    List<RunSnapshot> ordered = new ArrayList<>(runs);
    ordered.sort(Comparator.comparing(RunSnapshot::started,
        Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
        .thenComparing(RunSnapshot::runId).thenComparing(RunSnapshot::directory));
    return new AuditHistory(distinctIds(ordered), baseline);
  }

  /** Runs that share an id (a config reused without a new run id) get their directory added. */
  private static List<RunSnapshot> distinctIds(List<RunSnapshot> runs) {
    Map<String, Long> counts = runs.stream().collect(Collectors.groupingBy(RunSnapshot::runId,
        Collectors.counting()));
    return runs.stream().map(run -> counts.get(run.runId()) == 1 ? run
        : new RunSnapshot(run.runId() + " (" + run.directory() + ")", run.directory(),
            run.started(), run.alpha(), run.estimator(), run.comparedAt(), run.expected(),
            run.models())).toList();
  }

  public List<RunSnapshot> runs() {
    return runs;
  }

  public Baseline baseline() {
    return baseline;
  }

  /** Every audited model, in the order the runs first name them. */
  public List<String> models() {
    return models;
  }

  /** The flagged changes, by model, then run, then measure in report order. */
  public List<Drift> drifts() {
    return drifts;
  }

  /** Why some runs are not like for like (differing analysis settings); often empty. */
  public List<String> notes() {
    return notes;
  }

  /** The drifts of {@code model} flagged in run {@code runId}. */
  public List<Drift> drifts(String model, String runId) {
    return drifts.stream().filter(d -> d.model().equals(model) && d.toRun().equals(runId))
        .toList();
  }

  /** The runs that audited {@code model}, oldest first. */
  public List<RunSnapshot> runsOf(String model) {
    return runs.stream().filter(run -> run.model(model) != null).toList();
  }

  private List<Drift> findDrifts() {
    List<Drift> found = new ArrayList<>();
    for (String model : models) {
      List<RunSnapshot> audited = runsOf(model);
      for (int i = 1; i < audited.size(); i++) {
        RunSnapshot from = baseline == Baseline.FIRST ? audited.get(0) : audited.get(i - 1);
        RunSnapshot to = audited.get(i);
        ModelSnapshot before = from.model(model);
        to.model(model).measures().forEach((measure, now) -> {
          Estimate then = before.measures().get(measure);
          if (then != null && now.separatedFrom(then)) {
            found.add(new Drift(model, measure, from.runId(), then, to.runId(), now));
          }
        });
      }
    }
    return List.copyOf(found);
  }

  private List<String> settingNotes() {
    List<String> found = new ArrayList<>();
    if (runs.isEmpty()) {
      return found;
    }
    RunSnapshot first = runs.get(0);
    for (RunSnapshot run : runs.subList(1, runs.size())) {
      List<String> differences = new ArrayList<>();
      if (Double.compare(run.alpha(), first.alpha()) != 0) {
        differences.add("alpha " + run.alpha() + " (not " + first.alpha() + ")");
      }
      if (!run.estimator().equals(first.estimator())) {
        differences.add("estimator " + run.estimator() + " (not " + first.estimator() + ")");
      }
      if (!run.comparedAt().equals(first.comparedAt())) {
        differences.add("paths compared at " + run.comparedAt() + " (not " + first.comparedAt()
            + ")");
      }
      if (!run.expected().equals(first.expected())) {
        differences.add("expected signs " + run.expected() + " (not " + first.expected() + ")");
      }
      if (!differences.isEmpty()) {
        found.add("run " + run.runId() + " differs from " + first.runId() + ": "
            + String.join("; ", differences));
      }
    }
    if (runs.stream().anyMatch(run -> run.models().stream()
        .anyMatch(m -> m.vaar().interval() == null))) {
      found.add("some runs have no bootstrap intervals (bootstrap: 0); their changes cannot be"
          + " flagged");
    }
    return List.copyOf(found);
  }
}
