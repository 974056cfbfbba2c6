package io.vaar.pipeline.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.PipelineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineArgumentsTest {

  @ParameterizedTest
  @CsvSource({"direct, DirectRunner", "flink, FlinkRunner", "dataflow, DataflowRunner",
      "Flink, FlinkRunner"})
  void mapsEachRunnerNameToItsBeamRunner(String name, String runnerClass) {
    Class<? extends PipelineRunner<?>> runner =
        PipelineArguments.parse(name, null, List.of()).getRunner();

    assertEquals(runnerClass, runner.getSimpleName());
  }

  @Test
  void theRunnerClassesAreTheOnesOnTheClasspath() {
    assertEquals(DirectRunner.class, PipelineArguments.parse((String) null, null, List.of()).getRunner());
    assertEquals(FlinkRunner.class, PipelineArguments.parse("flink", null, List.of()).getRunner());
    assertEquals(DataflowRunner.class,
        PipelineArguments.parse("dataflow", null, List.of()).getRunner());
  }

  @Test
  void anUnknownRunnerIsOneLineNamingTheChoices() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> PipelineArguments.parse("spark", null, List.of()));

    assertEquals("unknown runner 'spark'; choose one of: direct, flink, dataflow",
        error.getMessage());
  }

  @Test
  void theFlinkMasterGoesToFlinkAndFasterCopyIsOnUnlessGiven() {
    FlinkPipelineOptions remote = PipelineArguments
        .parse("flink", "localhost:8081", List.of("--parallelism=3"))
        .as(FlinkPipelineOptions.class);
    FlinkPipelineOptions embedded = PipelineArguments
        .parse("flink", null, List.of("--fasterCopy=false"))
        .as(FlinkPipelineOptions.class);

    assertEquals("localhost:8081", remote.getFlinkMaster());
    assertEquals(3, remote.getParallelism());
    assertTrue(remote.getFasterCopy());
    assertEquals("[auto]", embedded.getFlinkMaster());
    assertEquals(false, embedded.getFasterCopy());
  }

  @Test
  void theFlinkMasterMustBeHostAndPortAndOnlyForFlink() {
    assertThat(assertThrows(IllegalArgumentException.class,
            () -> PipelineArguments.parse("flink", "localhost", List.of())).getMessage(),
        containsString("HOST:PORT"));
    assertThrows(IllegalArgumentException.class,
        () -> PipelineArguments.parse("flink", "localhost:99999", List.of()));
    assertThat(assertThrows(IllegalArgumentException.class,
            () -> PipelineArguments.parse("direct", "localhost:8081", List.of())).getMessage(),
        containsString("--runner flink"));
  }

  @Test
  void passesBeamOptionsThroughAndKeepsTheDefaults() {
    VaarPipelineOptions defaults = PipelineArguments.parse("direct", null, List.of());
    VaarPipelineOptions given = PipelineArguments.parse("direct", null,
        List.of("--runId=weekly-48", "--output=/tmp/runs/weekly-48", "--archiveShards=4"));

    assertEquals("demo", defaults.getRunId());
    assertEquals("runs/demo", defaults.getOutput());
    assertEquals(1, defaults.getArchiveShards());
    assertEquals("weekly-48", given.getRunId());
    assertEquals("/tmp/runs/weekly-48", given.getOutput());
    assertEquals(4, given.getArchiveShards());
  }

  @Test
  void badBeamOptionsAreOneLineErrors() {
    for (List<String> bad : List.of(List.of("--archiveShard=2"), List.of("parallelism=2"),
        List.of("--archiveShards=0"), List.of("--runner=FlinkRunner"),
        List.of("--flinkMaster=localhost:8081"))) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> PipelineArguments.parse("flink", null, bad), bad.toString());
      assertThat(bad.toString(), error.getMessage(), not(containsString("\n")));
    }
  }
}
