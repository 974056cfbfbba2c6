package io.vaar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vaar.transforms.audit.AnalyseStudy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's output directory on the local disk, held for the duration of one run. Claiming it
 * checks that it holds no other run (its {@code manifest.json} names the run id), takes a lock so
 * that two processes never write one run, and clears what a previous attempt of the same run
 * left — its analysis, report and archive files, and Beam's temporary files from a killed
 * attempt — so nothing stale can be mistaken for a result. The response cache is kept: it is
 * what makes a rerun cheap. The manifest is rewritten atomically as the run progresses.
 */
final class RunDirectory implements AutoCloseable {

  static final String MANIFEST = "manifest.json";
  private static final String LOCK = ".vaar.lock";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private RunDirectory(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** The local directory an output names; a cloud storage URL is not one (yet). */
  static Path localPath(String output) {
    if (output.contains("://")) {
      throw CliError.badInput("output " + output + ": this build writes runs to a local"
          + " directory only; give a local path (cloud storage outputs come with the Dataflow"
          + " deployment)");
    }
    return Path.of(output);
  }

  static RunDirectory claim(Path root, String runId) {
    try {
      if (Files.exists(root) && !Files.isDirectory(root)) {
        throw CliError.badInput(root + " is a file; give --output a directory");
      }
      Path manifest = root.resolve(MANIFEST);
      if (Files.exists(manifest)) {
        String existing = runIdOf(manifest);
        if (!runId.equals(existing)) {
          throw CliError.badInput(root + " holds run '" + existing + "', not '" + runId
              + "'; choose another --output (or run.output), or remove that directory");
        }
      } else if (Files.isDirectory(root) && !isEmpty(root)) {
        throw CliError.badInput(root + " exists and is not a vaar run directory (no "
            + MANIFEST + "); choose an empty or new --output directory");
      }
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
      RunDirectory directory = new RunDirectory(root, channel, lock);
      directory.clearPreviousAttempt();
      return directory;
    } catch (IOException e) {
      throw CliError.badInput("cannot use " + root + " as the output directory: "
          + e.getMessage(), e);
    }
  }

  private static String runIdOf(Path manifest) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(manifest.toFile());
    } catch (IOException e) {
      throw CliError.badInput(manifest + " is not a readable manifest; remove the directory "
          + "or choose another --output", e);
    }
    return node.path("run_id").asText("");
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  private void clearPreviousAttempt() throws IOException {
    for (String stale : List.of("analysis", "responses", "sessions", ReportPage.FILE)) {
      deleteRecursively(root.resolve(stale));
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }

  Path root() {
    return root;
  }

  boolean analysisComplete() {
    return Files.isRegularFile(root.resolve(AnalyseStudy.VAAR_JSON));
  }

  /** The reason the final analysis gave for not writing a result, if it gave one. */
  String analysisError() {
    Path error = root.resolve(AnalyseStudy.ERROR_TXT);
    try {
      return Files.isRegularFile(error) ? Files.readString(error).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  void writeManifest(ObjectNode manifest) {
    Path target = root.resolve(MANIFEST);
    Path temporary = root.resolve(MANIFEST + ".tmp");
    try {
      Files.writeString(temporary, JSON.writeValueAsString(manifest) + "\n",
          StandardCharsets.UTF_8);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
      Files.deleteIfExists(root.resolve(LOCK));
    } catch (IOException e) {
      // The lock dies with the process anyway; a leftover lock file is harmless.
    }
  }
}
