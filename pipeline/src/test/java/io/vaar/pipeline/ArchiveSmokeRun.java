package io.vaar.pipeline;

import io.vaar.pipeline.options.PipelineArguments;
import io.vaar.pipeline.options.VaarPipelineOptions;
import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.schemas.SessionRecord;
import io.vaar.schemas.SessionStatus;
import io.vaar.transforms.archive.WriteArchive;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;

/**
 * A trivial archive pipeline (Create, then WriteArchive) run once on the DirectRunner and once
 * on embedded Flink, for {@link ShadedJarIT} to start with the shaded jar as its only library:
 * {@code java -cp vaar.jar:test-classes io.vaar.pipeline.ArchiveSmokeRun OUTPUT_DIR}. It writes
 * {@code OUTPUT_DIR/direct} and {@code OUTPUT_DIR/flink}, and prints the runner class the name
 * {@code dataflow} resolves to.
 */
public final class ArchiveSmokeRun {

  /** Item responses per run; the IT checks that exactly these many come back. */
  static final int RESPONSES = 3;

  private ArchiveSmokeRun() {
  }

  public static void main(String[] args) {
    Path output = Path.of(args[0]);
    for (String runner : List.of("direct", "flink")) {
      VaarPipelineOptions options = PipelineArguments.parse(runner, null,
          List.of("--output=" + output.resolve(runner), "--runId=smoke-" + runner));
      Pipeline pipeline = Pipeline.create(options);
      List<ItemResponse> responses = List.of(response(options, 0), response(options, 1),
          response(options, 2));
      SessionRecord session = new SessionRecord(options.getRunId(), "sim-aligned", "s1", "p1", 0,
          "A persona.", SessionStatus.complete, RESPONSES, RESPONSES, 0, 0, 0, 0L, 1L, true);
      WriteArchive.inputs(
              pipeline.apply("Responses",
                  Create.of(responses).withCoder(AvroCoder.of(ItemResponse.class))),
              pipeline.apply("Sessions",
                  Create.of(session).withCoder(AvroCoder.of(SessionRecord.class))))
          .apply("WriteArchive", WriteArchive.to(options.getOutput())
              .withNumShards(options.getArchiveShards()));
      pipeline.run().waitUntilFinish();
      System.out.println("ran on " + options.getRunner().getName());
    }
    System.out.println("dataflow is "
        + PipelineArguments.parse("dataflow", null, List.of()).getRunner().getName());
  }

  private static ItemResponse response(VaarPipelineOptions options, int position) {
    return new ItemResponse(options.getRunId(), "sim-aligned", "s1", "p1", 0, "privacy",
        "PC" + position, position, "0".repeat(64), "4", 4, ResponseStatus.ok, 1, 5L, null, null,
        1_764_000_000_000L);
  }
}
