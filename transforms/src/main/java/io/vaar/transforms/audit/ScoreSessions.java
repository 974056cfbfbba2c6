package io.vaar.transforms.audit;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.transforms.analysis.ItemScores;
import io.vaar.transforms.analysis.ResponseCounts;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Groups item responses by session (shuffled by partitions of the session ids, then separated)
 * and scores each session as one analysis row, keyed by model. A replay of archives reads its
 * sessions through it, scored as a fresh audit scores them: when an archive holds an item
 * of a session more than once (overlapping inputs, a re-run session), the latest record counts,
 * so every session enters the analysis exactly once.
 */
public final class ScoreSessions
    extends PTransform<PCollection<ItemResponse>, PCollection<KV<String, ScoredSession>>> {

  /** Partitions of the session ids: a million-answer archive puts about 30 sessions in each. */
  static final int PARTITIONS = 1024;

  private final List<String> itemIds;

  private ScoreSessions(List<String> itemIds) {
    this.itemIds = List.copyOf(itemIds);
  }

  /** The coder of scored sessions keyed by model. */
  public static KvCoder<String, ScoredSession> coder() {
    return KvCoder.of(StringUtf8Coder.of(), new AnalysisCoders.ScoredSessionCoder());
  }

  public static ScoreSessions withItems(List<String> itemIds) {
    return new ScoreSessions(itemIds);
  }

  @Override
  public PCollection<KV<String, ScoredSession>> expand(PCollection<ItemResponse> responses) {
    // Grouped by a partition of the session id rather than by session: a runner that keeps a
    // timer per key and scans them all after each bundle (the direct runner does) slows down
    // with the square of the keys, and a million-answer archive has tens of thousands of
    // sessions. Texts that no report can show are dropped first, so they are not shuffled.
    return responses
        .apply("DropUnsampledText", ParDo.of(new DropUnsampledTextFn()))
        .setCoder(AvroCoder.of(ItemResponse.class))
        .apply("KeyByPartition", WithKeys
            .of((ItemResponse r) -> partitionOf(r.getSessionId(), PARTITIONS))
            .withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.of(ItemResponse.class)))
        .apply("GroupByPartition", GroupByKey.create())
        .apply("ScoreSessions", ParDo.of(new ScorePartitionFn(itemIds)))
        .setCoder(coder());
  }

  /** A session's partition of {@code count}: a fixed function of its id, the same anywhere. */
  static int partitionOf(String sessionId, int count) {
    return Math.floorMod(sessionId.hashCode(), count);
  }

  /** One session's responses (one per item) as its model's scored session. */
  static KV<String, ScoredSession> score(ItemScores scores, String sessionId,
      Collection<ItemResponse> items) {
    ItemResponse any = items.iterator().next();
    ResponseCounts counts = ResponseCounts.NONE;
    for (ItemResponse item : items) {
      counts = counts.plus(countOf(item.getStatus()));
    }
    List<RawAnswer> answers = items.stream()
        .sorted(Comparator.comparingInt(ItemResponse::getPosition))
        .map(RawAnswer::from).toList();
    return KV.of(any.getModelId(), new ScoredSession(sessionId, scores.row(items), counts,
        any.getSimulated(), answers));
  }

  private static ResponseCounts countOf(ResponseStatus status) {
    return switch (status) {
      case ok -> new ResponseCounts(1, 1, 0, 0, 0);
      case invalid -> new ResponseCounts(1, 0, 1, 0, 0);
      case refused -> new ResponseCounts(1, 0, 0, 1, 0);
      case error -> new ResponseCounts(1, 0, 0, 0, 1);
    };
  }

  /**
   * Keeps the texts of a response only while its session can be among its model's sampled
   * sessions (see {@link SampleCandidates}); the others travel without prompt and replies.
   */
  static final class DropUnsampledTextFn extends DoFn<ItemResponse, ItemResponse> {

    private transient SampleCandidates candidates;

    @Setup
    public void setUp() {
      candidates = new SampleCandidates();
    }

    @ProcessElement
    public void process(@Element ItemResponse response, OutputReceiver<ItemResponse> out) {
      out.output(candidates.offer(response.getModelId(), response.getSessionId()) ? response
          : ItemResponse.newBuilder(response).setPromptText("").setRawText("")
              .setReplies(List.of()).build());
    }
  }

  /** Scores each session of one partition from the latest record of each of its items. */
  static final class ScorePartitionFn
      extends DoFn<KV<Integer, Iterable<ItemResponse>>, KV<String, ScoredSession>> {

    private final List<String> itemIds;
    private transient ItemScores scores;

    ScorePartitionFn(List<String> itemIds) {
      this.itemIds = itemIds;
    }

    @Setup
    public void setUp() {
      scores = new ItemScores(itemIds);
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<ItemResponse>> partition,
        OutputReceiver<KV<String, ScoredSession>> out) {
      Map<String, Map<String, ItemResponse>> sessions = new TreeMap<>();
      for (ItemResponse response : partition.getValue()) {
        sessions.computeIfAbsent(response.getSessionId(), id -> new LinkedHashMap<>())
            .merge(response.getItemId(), response, ScorePartitionFn::later);
      }
      sessions.forEach((sessionId, items) -> {
        KV<String, ScoredSession> scored = score(scores, sessionId, items.values());
        out.output(items.values().stream().anyMatch(ScorePartitionFn::textDropped)
            ? KV.of(scored.getKey(), scored.getValue().withoutAnswers()) : scored);
      });
    }

    /** Whether the response lost its texts on the way (an archived prompt is never empty). */
    private static boolean textDropped(ItemResponse response) {
      return response.getPromptText().isEmpty();
    }

    /**
     * The later record; equal timestamps resolve by content, never by arrival order, and by
     * the fields that always travel first, so that a record whose texts were dropped resolves
     * the same way as its full copy.
     */
    static ItemResponse later(ItemResponse a, ItemResponse b) {
      return LATEST_LAST.compare(a, b) >= 0 ? a : b;
    }

    private static final Comparator<ItemResponse> LATEST_LAST = Comparator
        .comparingLong(ItemResponse::getTimestampMs)
        .thenComparing(ItemResponse::getPromptSha256)
        .thenComparing(ItemResponse::getStatus)
        .thenComparing(ItemResponse::getValue, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingInt(ItemResponse::getAttempts)
        .thenComparing(ItemResponse::getRawText);
  }
}
