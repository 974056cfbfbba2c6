package io.vaar.pipeline;

import static io.vaar.transforms.archive.ArchiveRecords.readWithStockAvro;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import io.vaar.transforms.archive.ArchiveRecords;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code vaar.jar} works as a Beam job jar on its own: a JVM whose classpath is that
 * jar plus the test classes of {@link ArchiveSmokeRun} (no library) runs an archive pipeline on
 * the DirectRunner and on embedded Flink, and resolves the Dataflow runner. This fails when the
 * shade drops or overwrites a {@code META-INF/services} registrar, or leaves out a class only
 * needed at run time, which tests on Maven's classpath cannot see.
 */
class ShadedJarIT {

  @TempDir
  Path output;

  @Test
  void runsAnArchivePipelineOnDirectAndEmbeddedFlinkFromTheShadedJarAlone()
      throws IOException, InterruptedException, URISyntaxException {
    String classpath = String.join(File.pathSeparator, System.getProperty("vaar.jar"),
        locationOf(ArchiveSmokeRun.class), locationOf(ArchiveRecords.class));
    Path log = output.resolve("smoke.log");
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classpath, ArchiveSmokeRun.class.getName(), output.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean finished = process.waitFor(180, SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String printed = Files.readString(log);

    assertTrue(finished, "the smoke run did not finish in 180 s:\n" + printed);
    assertEquals(0, process.exitValue(), printed);
    assertThat(printed, containsString("ran on org.apache.beam.runners.direct.DirectRunner"));
    assertThat(printed, containsString("ran on org.apache.beam.runners.flink.FlinkRunner"));
    assertThat(printed, containsString("dataflow is org.apache.beam.runners.dataflow.DataflowRunner"));
    for (String runner : List.of("direct", "flink")) {
      Path run = output.resolve(runner);
      assertThat(readWithStockAvro(run.resolve("responses/responses-00000-of-00001.avro").toFile(),
          ItemResponse.class), containsInAnyOrder(ArchiveSmokeRun.RESPONSES.toArray()));
      assertEquals(List.of(ArchiveSmokeRun.SESSION), readWithStockAvro(
          run.resolve("sessions/sessions-00000-of-00001.avro").toFile(), SessionRecord.class));
    }
  }

  /** The jar or directory {@code type} was loaded from: test classes, not libraries. */
  private static String locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
