package io.vaar.transforms.archive;

import io.vaar.schemas.ItemResponse;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads {@link ItemResponse} records back from archives written by {@link WriteArchive}: from
 * one or many file patterns (say {@code runs/week-*}{@code /responses/*.avro}), so that a replay
 * can analyse one run or pool several. Each file is read with the schema it was written with and
 * resolved to the current one, so archives written before a field was added still read, with
 * that field at its default. A pattern that matches no file fails the read: a replay of nothing
 * is a mistyped path, not an empty result.
 */
public final class ReadArchive extends PTransform<PBegin, PCollection<ItemResponse>> {

  private static final long serialVersionUID = 1L;

  private final List<String> patterns;

  private ReadArchive(List<String> patterns) {
    this.patterns = patterns;
  }

  /** Reads the item responses of every file matched by any of {@code patterns}. */
  public static ReadArchive from(List<String> patterns) {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("ReadArchive needs at least one file pattern");
    }
    for (String pattern : patterns) {
      if (pattern == null || pattern.isBlank()) {
        throw new IllegalArgumentException("an archive file pattern is empty");
      }
    }
    return new ReadArchive(List.copyOf(patterns));
  }

  /** Reads the item responses of every file matched by any of {@code patterns}. */
  public static ReadArchive from(String... patterns) {
    return from(List.of(patterns));
  }

  /** The pattern of the item-response files of the run written to {@code runDirectory}. */
  public static String responsesOf(String runDirectory) {
    return FileSystems.matchNewResource(runDirectory, true)
        .resolve(WriteArchive.RESPONSES_DIRECTORY, StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve("*" + WriteArchive.SUFFIX, StandardResolveOptions.RESOLVE_FILE)
        .toString();
  }

  @Override
  public PCollection<ItemResponse> expand(PBegin input) {
    return input
        .apply("Patterns", Create.of(patterns).withCoder(StringUtf8Coder.of()))
        .apply("MatchFiles", FileIO.matchAll()
            .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("OpenFiles", FileIO.readMatches())
        // The reader schema is the generated class's; AvroIO resolves each file's own
        // (writer) schema against it, which is what keeps older archives readable.
        .apply("ReadResponses", AvroIO.readFiles(ItemResponse.class));
  }
}
