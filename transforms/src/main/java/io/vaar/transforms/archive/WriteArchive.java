package io.vaar.transforms.archive;

import static java.util.Objects.requireNonNull;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.SessionRecord;
import org.apache.avro.file.CodecFactory;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Writes the archive of a run: every {@link ItemResponse} to {@code <output>/responses/} and
 * every {@link SessionRecord} to {@code <output>/sessions/}, as Avro container files named
 * {@code responses-00000-of-00001.avro} and {@code sessions-00000-of-00001.avro} (one file per
 * shard). The names depend only on the shard count, so a rerun of the same run replaces its files
 * instead of adding new ones, and scripts can rely on {@code responses/*.avro}. The input is a
 * {@link PCollectionTuple} built by {@link #inputs}; the output directory may be any path a Beam
 * file system understands ({@code /local/dir}, {@code gs://bucket/dir}).
 */
public final class WriteArchive extends PTransform<PCollectionTuple, PDone> {

  private static final long serialVersionUID = 1L;

  /** The tag of the item responses in the input tuple. */
  public static final TupleTag<ItemResponse> RESPONSES = new TupleTag<>("responses") {
    private static final long serialVersionUID = 1L;
  };
  /** The tag of the session records in the input tuple. */
  public static final TupleTag<SessionRecord> SESSIONS = new TupleTag<>("sessions") {
    private static final long serialVersionUID = 1L;
  };

  /** The directory below the run's output, and the file name prefix, of the item responses. */
  public static final String RESPONSES_DIRECTORY = "responses";
  /** The directory below the run's output, and the file name prefix, of the session records. */
  public static final String SESSIONS_DIRECTORY = "sessions";
  /** The file name suffix of every archive file. */
  public static final String SUFFIX = ".avro";

  // Deflate, not AvroIO's default Snappy: the Avro specification requires every reader to
  // support only "null" and "deflate", and the archive is read by notebooks and scripts
  // (fastavro, avro-tools, Spark) as well as by vaar.
  private static final int DEFLATE_LEVEL = 6;

  private final String outputDirectory;
  private final int numShards;

  private WriteArchive(String outputDirectory, int numShards) {
    this.outputDirectory = outputDirectory;
    this.numShards = numShards;
  }

  /** Writes the archive below {@code outputDirectory}, one file per record type. */
  public static WriteArchive to(String outputDirectory) {
    requireNonNull(outputDirectory, "outputDirectory");
    if (outputDirectory.isBlank()) {
      throw new IllegalArgumentException("the archive's output directory is empty");
    }
    return new WriteArchive(outputDirectory, 1);
  }

  /**
   * Writes {@code numShards} files per record type, for runs too large for one writer. The count
   * is fixed rather than left to the runner so that file names stay the same from run to run.
   */
  public WriteArchive withNumShards(int numShards) {
    if (numShards < 1) {
      throw new IllegalArgumentException("the number of archive shards must be at least 1, not "
          + numShards);
    }
    return new WriteArchive(outputDirectory, numShards);
  }

  /** The input of this transform: a run's item responses and session records, tagged. */
  public static PCollectionTuple inputs(PCollection<ItemResponse> responses,
      PCollection<SessionRecord> sessions) {
    return PCollectionTuple.of(RESPONSES, responses).and(SESSIONS, sessions);
  }

  @Override
  public PDone expand(PCollectionTuple input) {
    if (!input.has(RESPONSES) || !input.has(SESSIONS)) {
      throw new IllegalArgumentException(
          "WriteArchive needs both item responses and session records; build its input with"
              + " WriteArchive.inputs(responses, sessions)");
    }
    ResourceId output = FileSystems.matchNewResource(outputDirectory, true);
    input.get(RESPONSES).apply("WriteResponses", AvroIO.write(ItemResponse.class)
        .to(prefix(output, RESPONSES_DIRECTORY))
        .withSuffix(SUFFIX)
        .withNumShards(numShards)
        .withCodec(CodecFactory.deflateCodec(DEFLATE_LEVEL)));
    input.get(SESSIONS).apply("WriteSessions", AvroIO.write(SessionRecord.class)
        .to(prefix(output, SESSIONS_DIRECTORY))
        .withSuffix(SUFFIX)
        .withNumShards(numShards)
        .withCodec(CodecFactory.deflateCodec(DEFLATE_LEVEL)));
    return PDone.in(input.getPipeline());
  }

  /** {@code <output>/<name>/<name>}: the shard number and suffix are appended by AvroIO. */
  private static ResourceId prefix(ResourceId output, String name) {
    return output.resolve(name, StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(name, StandardResolveOptions.RESOLVE_FILE);
  }
}
