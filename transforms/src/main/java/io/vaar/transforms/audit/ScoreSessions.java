package io.vaar.transforms.audit;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.transforms.analysis.ItemScores;
import io.vaar.transforms.analysis.ResponseCounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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
 * Groups item responses by session and scores each session as one analysis row, keyed by model.
 * The same transform serves a fresh audit and a replay of archives: when an archive holds an item
 * of a session more than once (overlapping inputs, a re-run session), the latest record counts,
 * so every session enters the analysis exactly once.
 */
public final class ScoreSessions
    extends PTransform<PCollection<ItemResponse>, PCollection<KV<String, ScoredSession>>> {

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
    return responses
        .apply("KeyBySession", WithKeys.of(ItemResponse::getSessionId)
            .withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(ItemResponse.class)))
        .apply("GroupBySession", GroupByKey.create())
        .apply("ScoreSession", ParDo.of(new ScoreSessionFn(itemIds)))
        .setCoder(coder());
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

  /** Scores the latest record of each item of one session. */
  static final class ScoreSessionFn
      extends DoFn<KV<String, Iterable<ItemResponse>>, KV<String, ScoredSession>> {

    private final List<String> itemIds;
    private transient ItemScores scores;

    ScoreSessionFn(List<String> itemIds) {
      this.itemIds = itemIds;
    }

    @Setup
    public void setUp() {
      scores = new ItemScores(itemIds);
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<ItemResponse>> session,
        OutputReceiver<KV<String, ScoredSession>> out) {
      out.output(score(scores, session.getKey(), latestPerItem(session.getValue())));
    }

    static Collection<ItemResponse> latestPerItem(Iterable<ItemResponse> responses) {
      Map<String, ItemResponse> latest = new LinkedHashMap<>();
      for (ItemResponse response : responses) {
        latest.merge(response.getItemId(), response, (a, b) -> later(a, b));
      }
      return new ArrayList<>(latest.values());
    }

    /** The later record; equal timestamps resolve by content, never by arrival order. */
    private static ItemResponse later(ItemResponse a, ItemResponse b) {
      if (a.getTimestampMs() != b.getTimestampMs()) {
        return a.getTimestampMs() > b.getTimestampMs() ? a : b;
      }
      return a.toString().compareTo(b.toString()) >= 0 ? a : b;
    }
  }
}
