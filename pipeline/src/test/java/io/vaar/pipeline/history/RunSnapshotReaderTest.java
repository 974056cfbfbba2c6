package io.vaar.pipeline.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSnapshotReaderTest {

  @TempDir
  Path run;

  private void write(String file, String text) throws IOException {
    Files.createDirectories(run.resolve(file).getParent());
    Files.writeString(run.resolve(file), text);
  }

  @Test
  void readsTheModelsPathsAndIntervalsOfAFinishedRun() throws Exception {
    write("manifest.json", "{\"run_id\": \"weekly-48\", \"status\": \"complete\","
        + " \"timings\": {\"started\": \"2026-11-28T08:00:00Z\"}}");
    write("analysis/vaar.json", "{\"alpha\": 0.05, \"estimator\": \"MLR\", \"compared_at\":"
        + " \"metric\", \"expected\": [{\"lhs\": \"AODS\", \"rhs\": \"PSA\", \"sign\": \"+\"}],"
        + " \"models\": [{\"model\": \"m\", \"simulated\": false, \"vaar\": 1.0,"
        + " \"vaar_ci\": [0.75, 1.0], \"soft_vaar\": 0.97, \"n_sessions\": 200, \"paths\":"
        + " [{\"lhs\": \"AODS\", \"rhs\": \"PSA\", \"est\": 0.44, \"ci\": [0.3, 0.6]}]}]}");
    RunSnapshot snapshot = RunSnapshotReader.read(RunStorage.at(run.toString()));
    assertEquals("weekly-48", snapshot.runId());
    assertEquals(Instant.parse("2026-11-28T08:00:00Z"), snapshot.started());
    assertEquals(List.of("AODS~PSA=+"), snapshot.expected());
    ModelSnapshot model = snapshot.model("m");
    assertEquals(200, model.sessions());
    assertEquals(new Interval(0.75, 1.0), model.vaar().interval());
    assertEquals(new Estimate(0.44, new Interval(0.3, 0.6)), model.measures().get("AODS~PSA"));
    assertEquals(List.of("VAAR", "AODS~PSA"), List.copyOf(model.measures().keySet()));
  }

  @Test
  void aRunWithoutBootstrapHasNoIntervals() throws Exception {
    write("analysis/vaar.json", "{\"models\": [{\"model\": \"m\", \"vaar\": 0.5,"
        + " \"vaar_ci\": null, \"soft_vaar\": null, \"paths\": [{\"lhs\": \"A\", \"rhs\": \"B\","
        + " \"est\": 0.1, \"ci\": null}]}]}");
    RunSnapshot snapshot = RunSnapshotReader.read(RunStorage.at(run.toString()));
    assertEquals(run.getFileName().toString(), snapshot.runId());
    assertNull(snapshot.started());
    assertNull(snapshot.model("m").vaar().interval());
    assertTrue(Double.isNaN(snapshot.model("m").softVaar()));
  }

  @Test
  void anUnfinishedRunIsUnusableWithItsStatusAndError() throws Exception {
    write("manifest.json", "{\"run_id\": \"w\", \"status\": \"failed\"}");
    write("analysis/error.txt", "analysis failed: the fit did not converge\n");
    assertTrue(RunSnapshotReader.isRun(RunStorage.at(run.toString())));
    RunSnapshotReader.UnusableRun unusable = assertThrows(RunSnapshotReader.UnusableRun.class,
        () -> RunSnapshotReader.read(RunStorage.at(run.toString())));
    assertEquals("no analysis/vaar.json (status failed): analysis failed: the fit did not"
        + " converge", unusable.getMessage());
  }

  @Test
  void aCorruptAnalysisIsUnusableNotACrash() throws Exception {
    write("analysis/vaar.json", "{\"models\": [");
    RunSnapshotReader.UnusableRun unusable = assertThrows(RunSnapshotReader.UnusableRun.class,
        () -> RunSnapshotReader.read(RunStorage.at(run.toString())));
    assertTrue(unusable.getMessage().contains("is not valid JSON"), unusable.getMessage());
  }

  @Test
  void aFolderWithoutManifestOrAnalysisIsNotARun() throws IOException {
    assertFalse(RunSnapshotReader.isRun(RunStorage.at(run.toString())));
  }
}
