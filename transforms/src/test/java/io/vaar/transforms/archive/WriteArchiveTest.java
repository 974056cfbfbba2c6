package io.vaar.transforms.archive;

import static io.vaar.transforms.archive.ArchiveRecords.readWithStockAvro;
import static io.vaar.transforms.archive.ArchiveRecords.response;
import static io.vaar.transforms.archive.ArchiveRecords.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import io.vaar.transforms.testing.TestPipelineExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteArchiveTest {

  private static final List<ItemResponse> RESPONSES =
      List.of(response("s1", 0, 5), response("s1", 1, null), response("s2", 0, 2));
  private static final List<SessionRecord> SESSIONS = List.of(session("s1", 2), session("s2", 1));

  @TempDir
  Path output;

  @Test
  void writesResponsesAndSessionsUnderStableNamesReadableByStockAvro(TestPipeline pipeline)
      throws IOException {
    archive(pipeline, WriteArchive.to(output.toString()));
    pipeline.run().waitUntilFinish();

    assertThat(fileNames("responses"), contains("responses-00000-of-00001.avro"));
    assertThat(fileNames("sessions"), contains("sessions-00000-of-00001.avro"));
    assertThat(readWithStockAvro(file("responses/responses-00000-of-00001.avro"), ItemResponse.class),
        containsInAnyOrder(RESPONSES.toArray()));
    assertThat(readWithStockAvro(file("sessions/sessions-00000-of-00001.avro"), SessionRecord.class),
        containsInAnyOrder(SESSIONS.toArray()));
  }

  @Test
  void writesTheGivenNumberOfShards(TestPipeline pipeline) {
    archive(pipeline, WriteArchive.to(output.toString()).withNumShards(2));
    pipeline.run().waitUntilFinish();

    assertThat(fileNames("responses"),
        contains("responses-00000-of-00002.avro", "responses-00001-of-00002.avro"));
    assertThat(fileNames("sessions"),
        contains("sessions-00000-of-00002.avro", "sessions-00001-of-00002.avro"));
  }

  @Test
  void needsBothRecordTypes() {
    Pipeline pipeline = Pipeline.create();
    PCollectionTuple onlyResponses = PCollectionTuple.of(WriteArchive.RESPONSES, responses(pipeline));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> onlyResponses.apply(WriteArchive.to(output.toString())));
    assertThat(error.getMessage(), containsString("WriteArchive.inputs(responses, sessions)"));
  }

  @Test
  void rejectsAnEmptyDirectoryAndFewerThanOneShard() {
    assertThrows(IllegalArgumentException.class, () -> WriteArchive.to(" "));
    assertThrows(IllegalArgumentException.class,
        () -> WriteArchive.to(output.toString()).withNumShards(0));
  }

  private static void archive(Pipeline pipeline, WriteArchive write) {
    PCollection<SessionRecord> sessions = pipeline.apply("Sessions",
        Create.of(SESSIONS).withCoder(AvroCoder.of(SessionRecord.class)));
    WriteArchive.inputs(responses(pipeline), sessions).apply("WriteArchive", write);
  }

  private static PCollection<ItemResponse> responses(Pipeline pipeline) {
    return pipeline.apply("Responses",
        Create.of(RESPONSES).withCoder(AvroCoder.of(ItemResponse.class)));
  }

  private List<String> fileNames(String directory) {
    String[] names = output.resolve(directory).toFile().list();
    Arrays.sort(names);
    return List.of(names);
  }

  private File file(String relative) {
    return output.resolve(relative).toFile();
  }
}
