package io.vaar.pipeline;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code vaar.jar} works as a Beam job jar on its own: a JVM whose classpath is that
 * jar plus {@link ArchiveSmokeRun} runs an archive pipeline on the DirectRunner and on embedded
 * Flink, and resolves the Dataflow runner. This fails when the shade drops or overwrites a
 * {@code META-INF/services} registrar, which unit tests on Maven's classpath cannot see.
 */
class ShadedJarIT {

  @TempDir
  Path output;

  @Test
  void runsAnArchivePipelineOnDirectAndEmbeddedFlinkFromTheShadedJarAlone()
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("vaar.jar"));
    Path smokeClasses = Path.of(System.getProperty("vaar.testClasses"));
    Path log = output.resolve("smoke.log");
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", jar + File.pathSeparator + smokeClasses,
            ArchiveSmokeRun.class.getName(), output.toString())
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
      assertEquals(ArchiveSmokeRun.RESPONSES,
          read(run.resolve("responses/responses-00000-of-00001.avro"), ItemResponse.class).size());
      assertEquals(1,
          read(run.resolve("sessions/sessions-00000-of-00001.avro"), SessionRecord.class).size());
    }
  }

  /** Reads with stock Avro, as avro-tools and users' scripts do. */
  private static <T> List<T> read(Path file, Class<T> type) throws IOException {
    List<T> records = new ArrayList<>();
    try (DataFileReader<T> reader =
        new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(type))) {
      reader.forEach(records::add);
    }
    return records;
  }
}
