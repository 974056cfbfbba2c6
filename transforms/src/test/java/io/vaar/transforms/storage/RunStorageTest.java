package io.vaar.transforms.storage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run's storage behaves the same on a local directory and on an object store ({@code mem://},
 * which has Cloud Storage's flat keys): whole files or none, listing by glob, deleting a
 * directory with everything below it, and telling an empty output from a used one.
 */
class RunStorageTest {

  @TempDir
  static Path work;

  @BeforeAll
  static void registerFileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  private static RunStorage storage(String kind) {
    String name = UUID.randomUUID().toString();
    return RunStorage.at(kind.equals("local") ? work.resolve(name).toString()
        : "mem://bucket/runs/" + name);
  }

  private static RunStorage storageWith(String kind, String... files) throws IOException {
    RunStorage storage = storage(kind);
    for (String file : files) {
      storage.writeText(file, file);
    }
    return storage;
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "mem"})
  void aWrittenFileReadsBackWholeWithNoTemporaryLeftOver(String kind) throws IOException {
    RunStorage storage = storage(kind);
    assertThat(storage.isEmpty(), equalTo(true));
    assertThat(storage.readText("analysis/vaar.json"), equalTo(Optional.empty()));
    storage.writeText("analysis/vaar.json", "{\"a\": 1}\n");
    storage.writeText("analysis/vaar.json", "{\"a\": 2}\n");
    assertThat(storage.readText("analysis/vaar.json"), equalTo(Optional.of("{\"a\": 2}\n")));
    assertThat(storage.list("**"), contains(endsWith("/analysis/vaar.json")));
    assertThat(storage.isEmpty(), equalTo(false));
    try (InputStream in = RunStorage.open(storage.list("analysis/*.json").get(0))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8), equalTo("{\"a\": 2}\n"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "mem"})
  void deletingADirectoryDeletesEverythingBelowItAndNothingElse(String kind) throws IOException {
    RunStorage storage = storageWith(kind, "responses/responses-00000-of-00001.avro",
        "responses/.temp-beam/abc/shard", "report.html", "cache/ab/abcd.json");
    storage.delete("responses");
    storage.delete("report.html");
    storage.delete("sessions");
    assertThat(storage.list("**"), contains(endsWith("/cache/ab/abcd.json")));
    assertThat(storage.list("responses/*.avro"), empty());
    if (kind.equals("local")) {
      assertThat(Files.exists(Path.of(storage.resolve("responses"))), equalTo(false));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "mem"})
  void aListingGlobStaysWithinOnePathSegment(String kind) throws IOException {
    RunStorage storage = storageWith(kind, "sessions/sessions-00000-of-00002.avro",
        "sessions/sessions-00001-of-00002.avro", "sessions/old/sessions-00000-of-00001.avro");
    List<String> found = storage.list("sessions/*.avro").stream().sorted().toList();
    assertThat(found, contains(endsWith("sessions-00000-of-00002.avro"),
        endsWith("sessions-00001-of-00002.avro")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/tmp/x", "runs/x", "x"})
  void aPathWithoutSchemeIsLocal(String location) {
    assertThat(RunStorage.isLocal(location), equalTo(true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gs://bucket/runs/x", "mem://b/x", "s3://b/x"})
  void aUrlIsNotLocal(String location) {
    assertThat(RunStorage.isLocal(location), equalTo(false));
  }
}
