package io.vaar.pipeline.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditHistoryTest {

  private static final List<String> EXPECTED = List.of("AODS~PC=-", "AODS~PSA=+");

  /** A run of one model "m" with the given VAAR and PSA path, each with an interval. */
  private static RunSnapshot run(String id, String started, double vaar, Interval vaarCi,
      double psa, Interval psaCi) {
    Map<String, Estimate> measures = new LinkedHashMap<>();
    measures.put(ModelSnapshot.VAAR, new Estimate(vaar, vaarCi));
    measures.put("AODS~PSA", new Estimate(psa, psaCi));
    return new RunSnapshot(id, "runs/" + id, started == null ? null : Instant.parse(started),
        0.05, "MLR", "metric", EXPECTED, List.of(new ModelSnapshot("m", 200, false, 0.9,
            measures)));
  }

  private static Interval ci(double lower, double upper) {
    return new Interval(lower, upper);
  }

  @Test
  void runsAreOrderedByStartTimeWhateverOrderTheyAreGivenIn() {
    RunSnapshot w1 = run("w1", "2026-11-01T00:00:00Z", 1, ci(1, 1), 0.4, ci(0.3, 0.5));
    RunSnapshot w2 = run("w2", "2026-11-08T00:00:00Z", 1, ci(1, 1), 0.4, ci(0.3, 0.5));
    RunSnapshot undated = run("a-undated", null, 1, ci(1, 1), 0.4, ci(0.3, 0.5));
    AuditHistory history = AuditHistory.of(List.of(undated, w2, w1),
        AuditHistory.Baseline.PREVIOUS);
    assertEquals(List.of("w1", "w2", "a-undated"),
        history.runs().stream().map(RunSnapshot::runId).toList());
  }

  @Test
  void separatedIntervalsAreFlaggedAndTouchingOnesAreNot() {
    RunSnapshot w1 = run("w1", "2026-11-01T00:00:00Z", 1, ci(0.75, 1), 0.4, ci(0.3, 0.5));
    RunSnapshot w2 = run("w2", "2026-11-08T00:00:00Z", 0.75, ci(0.5, 0.75), 0.1, ci(0.0, 0.2));
    AuditHistory history = AuditHistory.of(List.of(w1, w2), AuditHistory.Baseline.PREVIOUS);
    assertEquals(1, history.drifts().size());
    Drift drift = history.drifts().get(0);
    assertEquals("AODS~PSA", drift.measure());
    assertEquals("w1", drift.fromRun());
    assertEquals("w2", drift.toRun());
    assertEquals(0.1, drift.to().value());
  }

  @Test
  void slowDriftIsCaughtAgainstTheFirstRunButNotStepByStep() {
    List<RunSnapshot> runs = List.of(
        run("w1", "2026-11-01T00:00:00Z", 1, ci(1, 1), 0.50, ci(0.40, 0.60)),
        run("w2", "2026-11-08T00:00:00Z", 1, ci(1, 1), 0.60, ci(0.50, 0.70)),
        run("w3", "2026-11-15T00:00:00Z", 1, ci(1, 1), 0.70, ci(0.61, 0.80)));
    assertTrue(AuditHistory.of(runs, AuditHistory.Baseline.PREVIOUS).drifts().isEmpty());
    List<Drift> againstFirst = AuditHistory.of(runs, AuditHistory.Baseline.FIRST).drifts();
    assertEquals(1, againstFirst.size());
    assertEquals("w1", againstFirst.get(0).fromRun());
    assertEquals("w3", againstFirst.get(0).toRun());
  }

  @Test
  void aModelMissingFromARunIsComparedWithItsLastAuditBefore() {
    RunSnapshot w1 = run("w1", "2026-11-01T00:00:00Z", 1, ci(1, 1), 0.4, ci(0.3, 0.5));
    RunSnapshot other = new RunSnapshot("w2", "runs/w2", Instant.parse("2026-11-08T00:00:00Z"),
        0.05, "MLR", "metric", EXPECTED, List.of(new ModelSnapshot("n", 200, false, 1,
            Map.of(ModelSnapshot.VAAR, new Estimate(1, ci(1, 1))))));
    RunSnapshot w3 = run("w3", "2026-11-15T00:00:00Z", 0, ci(0, 0.25), 0.4, ci(0.3, 0.5));
    AuditHistory history = AuditHistory.of(List.of(w1, other, w3),
        AuditHistory.Baseline.PREVIOUS);
    assertEquals(List.of("m", "n"), history.models());
    assertEquals(List.of("w1", "w3"),
        history.runsOf("m").stream().map(RunSnapshot::runId).toList());
    assertEquals(1, history.drifts().size());
    assertEquals("VAAR", history.drifts().get(0).measure());
    assertEquals("w1", history.drifts().get(0).fromRun());
  }

  @Test
  void runsWithoutIntervalsFlagNothingAndSaySo() {
    RunSnapshot w1 = run("w1", "2026-11-01T00:00:00Z", 1, null, 0.4, null);
    RunSnapshot w2 = run("w2", "2026-11-08T00:00:00Z", 0, ci(0, 0), -0.4, ci(-0.5, -0.3));
    AuditHistory history = AuditHistory.of(List.of(w1, w2), AuditHistory.Baseline.PREVIOUS);
    assertTrue(history.drifts().isEmpty());
    assertTrue(history.notes().stream().anyMatch(n -> n.contains("no bootstrap intervals")),
        history.notes().toString());
  }

  @Test
  void runsWithDifferentSettingsAreNotedAsNotLikeForLike() {
    RunSnapshot w1 = run("w1", "2026-11-01T00:00:00Z", 1, ci(1, 1), 0.4, ci(0.3, 0.5));
    RunSnapshot w2 = new RunSnapshot("w2", "runs/w2", Instant.parse("2026-11-08T00:00:00Z"),
        0.01, "ML", "metric", EXPECTED, w1.models());
    List<String> notes = AuditHistory.of(List.of(w1, w2), AuditHistory.Baseline.PREVIOUS)
        .notes();
    assertEquals(1, notes.size());
    assertTrue(notes.get(0).contains("alpha 0.01") && notes.get(0).contains("estimator ML"),
        notes.get(0));
  }

  @Test
  void runsSharingAnIdAreToldApartByTheirDirectory() {
    RunSnapshot a = run("weekly", "2026-11-01T00:00:00Z", 1, ci(1, 1), 0.4, ci(0.3, 0.5));
    RunSnapshot b = new RunSnapshot("weekly", "runs/elsewhere",
        Instant.parse("2026-11-08T00:00:00Z"), 0.05, "MLR", "metric", EXPECTED, a.models());
    AuditHistory history = AuditHistory.of(List.of(a, b), AuditHistory.Baseline.PREVIOUS);
    assertEquals(List.of("weekly (runs/weekly)", "weekly (runs/elsewhere)"),
        history.runs().stream().map(RunSnapshot::runId).toList());
  }
}
