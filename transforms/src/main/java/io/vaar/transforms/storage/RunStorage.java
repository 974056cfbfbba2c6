package io.vaar.transforms.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions.StandardMoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * A run's output location on any Beam file system: a local directory, {@code gs://bucket/path},
 * or any other scheme whose {@code FileSystemRegistrar} is on the classpath. Every file a run
 * reads or writes below its output goes through here. A write is atomic: the file is written under
 * a temporary name beside its final one and renamed into place, so a reader sees all of it or
 * nothing, and two writers of the same content race harmlessly. Object stores have no
 * directories, so deleting a directory deletes every file below it; a local directory is deleted
 * with {@code java.nio}, leaving no empty folders behind. A scheme other than the local file
 * system must be registered in the JVM first ({@code FileSystems.setDefaultPipelineOptions}; a
 * runner does this on its workers).
 */
public final class RunStorage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][-a-zA-Z0-9+.]*://.*");

  private final String root;

  private RunStorage(String root) {
    this.root = root;
  }

  /** The storage of the run whose output is {@code location}. */
  public static RunStorage at(String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("a run's output location is empty");
    }
    return new RunStorage(location);
  }

  /** Whether {@code location} is a local path (it names no scheme such as {@code gs://}). */
  public static boolean isLocal(String location) {
    return !SCHEME.matcher(location).matches();
  }

  /** Opens any file Beam's file systems can read, such as one that {@link #list} returned. */
  public static InputStream open(String location) throws IOException {
    return Channels.newInputStream(FileSystems.open(
        FileSystems.matchNewResource(location, false)));
  }

  public boolean local() {
    return isLocal(root);
  }

  public String location() {
    return root;
  }

  /** The location of a file or directory below the output, given relative to it. */
  public String resolve(String relative) {
    return root.endsWith("/") ? root + relative : root + "/" + relative;
  }

  /** The file's content, or empty if there is no such file. */
  public Optional<byte[]> read(String relative) throws IOException {
    try (InputStream in = open(resolve(relative))) {
      return Optional.of(in.readAllBytes());
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The file's text (UTF-8), or empty if there is no such file. */
  public Optional<String> readText(String relative) throws IOException {
    return read(relative).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** Writes the file atomically, replacing any earlier one. */
  public void write(String relative, byte[] content) throws IOException {
    write(relative, content, MimeTypes.BINARY);
  }

  /**
   * Writes the text (UTF-8) atomically, replacing any earlier file; an object store labels it
   * with the type its extension names, so that a browser shows report.html as a page.
   */
  public void writeText(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8), textType(relative));
  }

  private void write(String relative, byte[] content, String mimeType) throws IOException {
    ResourceId target = FileSystems.matchNewResource(resolve(relative), false);
    ResourceId temporary = FileSystems.matchNewResource(
        resolve(relative) + ".tmp-" + UUID.randomUUID(), false);
    try (OutputStream out = Channels.newOutputStream(
        FileSystems.create(temporary, mimeType))) {
      out.write(content);
    }
    FileSystems.rename(List.of(temporary), List.of(target),
        StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  private static String textType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".json")) {
      return "application/json";
    }
    return name.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
  }

  /** The locations of the files matching a glob relative to the output ({@code sessions/*.avro}). */
  public List<String> list(String relativeGlob) throws IOException {
    List<String> locations = new ArrayList<>();
    for (MatchResult.Metadata file : match(relativeGlob)) {
      locations.add(file.resourceId().toString());
    }
    return locations;
  }

  /** Whether the output holds no file at all (a location that does not exist holds none). */
  public boolean isEmpty() throws IOException {
    if (local()) {
      Path directory = Path.of(root);
      if (!Files.isDirectory(directory)) {
        return true;
      }
      try (Stream<Path> entries = Files.list(directory)) {
        return entries.findAny().isEmpty();
      }
    }
    return match("**").isEmpty();
  }

  /** Deletes a file, or a directory with everything below it; nothing if neither exists. */
  public void delete(String relative) throws IOException {
    if (local()) {
      deleteLocally(Path.of(resolve(relative)));
      return;
    }
    List<ResourceId> files = new ArrayList<>();
    for (String pattern : List.of(relative, relative + "/**")) {
      for (MatchResult.Metadata file : match(pattern)) {
        files.add(file.resourceId());
      }
    }
    FileSystems.delete(files, StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  private List<MatchResult.Metadata> match(String relativeGlob) throws IOException {
    MatchResult result = FileSystems.match(resolve(relativeGlob));
    // NOT_FOUND is an empty match; an ERROR throws its cause from metadata().
    return result.status() == MatchResult.Status.NOT_FOUND ? List.of() : result.metadata();
  }

  private static void deleteLocally(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }

  @Override
  public String toString() {
    return root;
  }
}
