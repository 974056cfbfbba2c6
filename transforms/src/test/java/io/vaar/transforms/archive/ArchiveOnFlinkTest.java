package io.vaar.transforms.archive;

import static io.vaar.transforms.archive.ArchiveRecords.readWithStockAvro;
import static io.vaar.transforms.archive.ArchiveRecords.response;
import static io.vaar.transforms.archive.ArchiveRecords.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import io.vaar.transforms.testing.TestPipelineExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive round trip on the embedded Flink runner, the runner of real audits: WriteArchive
 * on one Flink job, the files checked with stock Avro, ReadArchive on a second job. Every
 * Flink-backed test of this module belongs in this class, since each job starts a local cluster
 * and that start, not the work, is what the test costs.
 */
class ArchiveOnFlinkTest {

  @RegisterExtension
  final TestPipelineExtension flinkPipelines =
      TestPipelineExtension.withOptions(ArchiveOnFlinkTest::embeddedFlink);

  @TempDir
  Path run;

  @Test
  void writesAndReadsBackTheArchive(TestPipeline readPipeline) throws IOException {
    // Enough records for both subtasks of the job to get some.
    List<ItemResponse> responses =
        IntStream.range(0, 40).mapToObj(i -> response("s" + i / 10, i % 10, i % 7)).toList();
    List<SessionRecord> sessions =
        IntStream.range(0, 4).mapToObj(i -> session("s" + i, 10)).toList();

    Pipeline writePipeline = Pipeline.create(embeddedFlink());
    WriteArchive.inputs(
            writePipeline.apply("Responses",
                Create.of(responses).withCoder(AvroCoder.of(ItemResponse.class))),
            writePipeline.apply("Sessions",
                Create.of(sessions).withCoder(AvroCoder.of(SessionRecord.class))))
        .apply(WriteArchive.to(run.toString()));
    writePipeline.run().waitUntilFinish();

    assertThat(readWithStockAvro(
            run.resolve("responses/responses-00000-of-00001.avro").toFile(), ItemResponse.class),
        containsInAnyOrder(responses.toArray()));
    assertThat(readWithStockAvro(
            run.resolve("sessions/sessions-00000-of-00001.avro").toFile(), SessionRecord.class),
        containsInAnyOrder(sessions.toArray()));

    PAssert.that(readPipeline.apply(ReadArchive.from(ReadArchive.responsesOf(run.toString()))))
        .containsInAnyOrder(responses);
    readPipeline.run().waitUntilFinish();
  }

  /** Options of a job on a local Flink cluster inside this JVM, as {@code --runner flink} gives. */
  private static PipelineOptions embeddedFlink() {
    FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
    options.setRunner(FlinkRunner.class);
    options.setFlinkMaster("[local]");
    options.setParallelism(2);
    // Skips Flink's defensive copy of every element between operators; Beam's model already
    // forbids DoFns to mutate their inputs.
    options.setFasterCopy(true);
    return options;
  }
}
