package io.vaar.pipeline;

import static io.vaar.transforms.archive.ArchiveRecords.response;
import static io.vaar.transforms.archive.ArchiveRecords.session;

import io.vaar.pipeline.options.PipelineArguments;
import io.vaar.pipeline.options.VaarPipelineOptions;
import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import io.vaar.transforms.archive.WriteArchive;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;

/**
 * A trivial archive pipeline (Create, then WriteArchive) run once on the DirectRunner and once
 * on embedded Flink, for {@link ShadedJarIT} to start with the shaded jar as its only library:
 * {@code java -cp vaar.jar:<test classes> io.vaar.pipeline.ArchiveSmokeRun OUTPUT_DIR}. It
 * writes {@code OUTPUT_DIR/direct} and {@code OUTPUT_DIR/flink}, and prints the runner class the
 * name {@code dataflow} resolves to.
 */
public final class ArchiveSmokeRun {

  /** The item responses every run writes; the IT checks that they come back. */
  static final List<ItemResponse> RESPONSES =
      List.of(response("s1", 0, 4), response("s1", 1, null), response("s1", 2, 1));
  /** The session every run writes. */
  static final SessionRecord SESSION = session("s1", RESPONSES.size());

  private ArchiveSmokeRun() {
  }

  public static void main(String[] args) {
    Path output = Path.of(args[0]);
    for (String runner : List.of("direct", "flink")) {
      VaarPipelineOptions options = PipelineArguments.parse(runner, null,
          List.of("--output=" + output.resolve(runner), "--runId=smoke-" + runner));
      Pipeline pipeline = Pipeline.create(options);
      WriteArchive.inputs(
              pipeline.apply("Responses",
                  Create.of(RESPONSES).withCoder(AvroCoder.of(ItemResponse.class))),
              pipeline.apply("Sessions",
                  Create.of(SESSION).withCoder(AvroCoder.of(SessionRecord.class))))
          .apply("WriteArchive", WriteArchive.to(options.getOutput())
              .withNumShards(options.getArchiveShards()));
      pipeline.run().waitUntilFinish();
      System.out.println("ran on " + options.getRunner().getName());
    }
    System.out.println("dataflow is "
        + PipelineArguments.parse("dataflow", null, List.of()).getRunner().getName());
  }
}
