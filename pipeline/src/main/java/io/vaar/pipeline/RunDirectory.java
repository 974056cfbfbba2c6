package io.vaar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaar.transforms.audit.AnalyseStudy;
import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A run's output directory — local, or on any Beam file system such as {@code gs://bucket/path}
 * — held for the duration of one run. Claiming it checks that it holds no other run (its
 * {@code manifest.json} names the run id), and clears what a previous attempt of the same run
 * left — its analysis, report and archive files, and Beam's temporary files from a killed attempt
 * — so nothing stale can be mistaken for a result. The response cache is kept: it is what makes a
 * rerun cheap. The manifest is rewritten atomically as the run progresses. A local directory is
 * also locked, so that two processes never write one run; an object store has no locks, so on
 * {@code gs://} nothing but the run id guards against two launches of the same run at once.
 */
final class RunDirectory implements AutoCloseable {

  static final String MANIFEST = "manifest.json";
  private static final String LOCK = ".vaar.lock";
  private static final List<String> PREVIOUS_ATTEMPT = List.of("analysis", "responses",
      "sessions", ReportPage.FILE);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final RunStorage storage;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private RunDirectory(RunStorage storage, FileChannel lockChannel, FileLock lock) {
    this.storage = storage;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Claims {@code output} for run {@code runId}. A location other than a local path needs its
   * file system registered first ({@code FileSystems.setDefaultPipelineOptions}).
   */
  static RunDirectory claim(String output, String runId) {
    RunStorage storage = RunStorage.at(output);
    try {
      if (storage.local() && Files.exists(Path.of(output)) && !Files.isDirectory(Path.of(output))) {
        throw CliError.badInput(output + " is a file; give --output a directory");
      }
      Optional<String> manifest = storage.readText(MANIFEST);
      if (manifest.isPresent()) {
        String existing = runIdOf(storage.resolve(MANIFEST), manifest.get());
        if (!runId.equals(existing)) {
          throw CliError.badInput(output + " holds run '" + existing + "', not '" + runId
              + "'; choose another --output (or run.output), or remove that directory");
        }
      } else if (!storage.isEmpty()) {
        throw CliError.badInput(output + " exists and is not a vaar run directory (no "
            + MANIFEST + "); choose an empty or new --output directory");
      }
      RunDirectory directory = storage.local() ? locked(storage)
          : new RunDirectory(storage, null, null);
      for (String stale : PREVIOUS_ATTEMPT) {
        storage.delete(stale);
      }
      return directory;
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: Beam knows no file system for the location's scheme.
      throw CliError.badInput("cannot use " + output + " as the output directory: "
          + e.getMessage(), e);
    }
  }

  private static RunDirectory locked(RunStorage storage) throws IOException {
    Path root = Path.of(storage.location());
    Files.createDirectories(root);
    FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw CliError.badInput("another vaar process is writing " + root
          + "; wait for it to finish or stop it first");
    }
    return new RunDirectory(storage, channel, lock);
  }

  private static String runIdOf(String location, String manifest) {
    JsonNode node;
    try {
      node = JSON.readTree(manifest);
    } catch (IOException e) {
      throw CliError.badInput(location + " is not a readable manifest; remove the directory "
          + "or choose another --output", e);
    }
    return node.path("run_id").asText("");
  }

  RunStorage storage() {
    return storage;
  }

  /** The location of a file of the run, as a user would open it. */
  String resolve(String relative) {
    return storage.resolve(relative);
  }

  boolean analysisComplete() {
    try {
      return storage.read(AnalyseStudy.VAAR_JSON).isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  /** The reason the final analysis gave for not writing a result, if it gave one. */
  String analysisError() {
    try {
      return storage.readText(AnalyseStudy.ERROR_TXT).map(String::strip).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  void writeManifest(ObjectNode manifest) {
    try {
      storage.writeText(MANIFEST, JSON.writeValueAsString(manifest) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + storage.resolve(MANIFEST), e);
    }
  }

  @Override
  public void close() {
    if (lock == null) {
      return;
    }
    try {
      lock.release();
      lockChannel.close();
      Files.deleteIfExists(Path.of(storage.location()).resolve(LOCK));
    } catch (IOException e) {
      // The lock dies with the process anyway; a leftover lock file is harmless.
    }
  }
}
