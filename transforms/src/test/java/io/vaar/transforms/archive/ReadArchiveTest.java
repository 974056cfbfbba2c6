package io.vaar.transforms.archive;

import static io.vaar.transforms.archive.ArchiveRecords.response;
import static io.vaar.transforms.archive.ArchiveRecords.session;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import io.vaar.transforms.testing.TestPipelineExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ReadArchiveTest {

  @TempDir
  Path runs;

  @Test
  void readsBackWhatWriteArchiveWrote(TestPipeline pipeline) {
    List<ItemResponse> responses = List.of(response("s1", 0, 4), response("s1", 1, null));
    writeRun("run-1", responses);

    PAssert.that(pipeline.apply(ReadArchive.from(ReadArchive.responsesOf(run("run-1")))))
        .containsInAnyOrder(responses);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void poolsTheResponsesOfSeveralRuns(TestPipeline pipeline) {
    writeRun("run-1", List.of(response("s1", 0, 4)));
    writeRun("run-2", List.of(response("s9", 0, 1), response("s9", 1, 2)));

    PAssert.that(pipeline.apply(ReadArchive.from(
            ReadArchive.responsesOf(run("run-1")), runs.resolve("run-2/responses/*").toString())))
        .containsInAnyOrder(response("s1", 0, 4), response("s9", 0, 1), response("s9", 1, 2));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void readsFilesWrittenBeforeAFieldWasAdded(TestPipeline pipeline) throws IOException {
    // The schema as it was before output_tokens existed: the current one without that field.
    Schema current = ItemResponse.getClassSchema();
    Schema older = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(),
        false, current.getFields().stream()
            .filter(field -> !field.name().equals("output_tokens"))
            .map(field -> new Schema.Field(field, field.schema()))
            .toList());
    List<ItemResponse> written = List.of(response("s1", 0, 3), response("s1", 1, null));
    Path file = runs.resolve("old-run/responses/responses-00000-of-00001.avro");
    Files.createDirectories(file.getParent());
    try (DataFileWriter<GenericRecord> writer =
        new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(older))) {
      writer.create(older, file.toFile());
      for (ItemResponse response : written) {
        GenericRecord record = new GenericData.Record(older);
        older.getFields().forEach(field -> record.put(field.name(), response.get(field.name())));
        writer.append(record);
      }
    }

    List<ItemResponse> expected = new ArrayList<>();
    for (ItemResponse response : written) {
      expected.add(ItemResponse.newBuilder(response).setOutputTokens(null).build());
    }
    PAssert.that(pipeline.apply(ReadArchive.from(ReadArchive.responsesOf(run("old-run")))))
        .containsInAnyOrder(expected);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aPatternThatMatchesNothingFailsTheRead() {
    writeRun("run-1", List.of(response("s1", 0, 4)));
    String missing = runs.resolve("run-typo/responses/*.avro").toString();
    Pipeline pipeline = Pipeline.create();
    pipeline.apply(ReadArchive.from(ReadArchive.responsesOf(run("run-1")), missing));

    RuntimeException error = assertThrows(RuntimeException.class,
        () -> pipeline.run().waitUntilFinish());
    assertThat(Stream.iterate((Throwable) error, cause -> cause != null, Throwable::getCause)
        .map(Throwable::toString).toList().toString(), containsString(missing));
  }

  @Test
  void needsAtLeastOneNonEmptyPattern() {
    assertThrows(IllegalArgumentException.class, () -> ReadArchive.from(List.of()));
    assertThrows(IllegalArgumentException.class, () -> ReadArchive.from("runs/a/*.avro", ""));
  }

  private String run(String name) {
    return runs.resolve(name).toString();
  }

  /** Archives {@code responses} (and one session) as run {@code name}, on the DirectRunner. */
  private void writeRun(String name, List<ItemResponse> responses) {
    Pipeline pipeline = Pipeline.create();
    WriteArchive.inputs(
            pipeline.apply("Responses",
                Create.of(responses).withCoder(AvroCoder.of(ItemResponse.class))),
            pipeline.apply("Sessions",
                Create.of(session("s1", 1)).withCoder(AvroCoder.of(SessionRecord.class))))
        .apply(WriteArchive.to(run(name)));
    pipeline.run().waitUntilFinish();
  }
}
