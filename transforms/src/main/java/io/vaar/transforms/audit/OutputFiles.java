package io.vaar.transforms.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Writes a run's text outputs through Beam's file systems (a local path, or {@code gs://} with
 * the GCP extension on the classpath). Each file is written under a temporary name and renamed
 * into place, so a reader never sees half a file; the caller orders the files so that the one
 * that says "this analysis is complete" ({@code analysis/vaar.json}) comes last.
 */
public final class OutputFiles {

  private OutputFiles() {
  }

  public static void write(String outputDirectory, Map<String, String> files, List<String> order) {
    for (String relative : order) {
      String text = files.get(relative);
      if (text != null) {
        write(outputDirectory, relative, text);
      }
    }
  }

  public static void write(String outputDirectory, String relative, String text) {
    ResourceId target = FileSystems.matchNewResource(join(outputDirectory, relative), false);
    ResourceId temporary = FileSystems.matchNewResource(
        join(outputDirectory, relative) + ".tmp-" + UUID.randomUUID(), false);
    try {
      try (OutputStream out = Channels.newOutputStream(
          FileSystems.create(temporary, MimeTypes.TEXT))) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      FileSystems.rename(List.of(temporary), List.of(target),
          MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  static String join(String directory, String relative) {
    return directory.endsWith("/") ? directory + relative : directory + "/" + relative;
  }
}
