package io.vaar.transforms.simulated;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.instruments.InstrumentItem;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.instruments.ResponseScale;
import io.vaar.transforms.protocol.StableHash;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A chat model that answers questionnaires from a latent-trait model instead of a network call.
 * The persona's traits are seeded by the system message it is given; the item is recognised from
 * the statement quoted in the prompt (there is no side channel from the protocol); the answer is
 * a graded response — the item's loading times the trait plus noise, cut into the scale's points
 * at fixed thresholds — reversed for reverse-keyed items, then worded tidily, chattily, badly or
 * as a refusal at the configured rates. The same request always gets the same reply, so a
 * session against it is reproducible byte for byte.
 */
public final class SimulatedChatModel implements ChatModel {

  private static final double THRESHOLD_SPAN = 2.0;
  private static final double REPEATED_REFUSAL = 0.5;
  private static final int RECENT_TURNS = 3;

  private final SimulatedProfile profile;
  private final SimulationSettings settings;
  private final ItemRecognizer recognizer;

  public SimulatedChatModel(InstrumentSet instruments, SimulatedProfile profile,
      SimulationSettings settings) {
    this.profile = profile;
    this.settings = settings;
    this.recognizer = new ItemRecognizer(instruments);
  }

  public SimulatedProfile profile() {
    return profile;
  }

  @Override
  public ChatReply complete(ChatRequest request) throws ChatException {
    ItemRecognizer.Recognized asked = recognizer.recognize(request.turns()).orElseThrow(
        () -> new ChatException(ChatException.Kind.REJECTED, "simulated respondent: the prompt "
            + "quotes no statement of the configured instruments"));
    long personaSeed = StableHash.mix(settings.seed(), StableHash.of(request.system()));
    LatentTraits traits = new LatentTraits(personaSeed, profile);
    SplittableRandom noise =
        new SplittableRandom(StableHash.mix(personaSeed, conversationHash(request)));
    ResponseScale scale = asked.instrument().scale();
    int value = answer(traits.trait(asked.instrument().construct(), asked.item().dimension()),
        asked.item(), scale, noise);
    String reply = word(value, scale, request, asked.isReask(request.turns()), noise);
    return ChatReply.of(reply, 0);
  }

  /** A graded response: loading and difficulty are fixed per item, thresholds evenly spaced. */
  private static int answer(double trait, InstrumentItem item, ResponseScale scale,
      SplittableRandom noise) {
    SplittableRandom itemParameters = new SplittableRandom(StableHash.of(item.id()));
    double loading = 0.7 + 0.2 * itemParameters.nextDouble();
    double difficulty = -0.4 + 0.8 * itemParameters.nextDouble();
    double response = loading * trait + Math.sqrt(1 - loading * loading) * Gaussian.next(noise)
        - difficulty;
    int points = scale.points();
    int category = 0;
    for (int k = 1; k < points; k++) {
      if (response > -THRESHOLD_SPAN + 2 * THRESHOLD_SPAN * k / points) {
        category = k;
      }
    }
    int value = scale.min() + category;
    return item.reverseKeyed() ? scale.reverse(value) : value;
  }

  private String word(int value, ResponseScale scale, ChatRequest request, boolean reask,
      SplittableRandom random) {
    double u = random.nextDouble();
    if (reask) {
      String previous = request.turns().get(request.turns().size() - 2).text();
      if (ReplyPhrasing.isRefusal(previous) && u < REPEATED_REFUSAL) {
        return ReplyPhrasing.refusal(random);
      }
      return random.nextDouble() < settings.malformedRate()
          ? ReplyPhrasing.malformed(value, scale, random) : ReplyPhrasing.bare(value);
    }
    if (u < settings.refusalRate()) {
      return ReplyPhrasing.refusal(random);
    }
    if (u < settings.refusalRate() + settings.malformedRate()) {
      return ReplyPhrasing.malformed(value, scale, random);
    }
    return random.nextDouble() < settings.chattyRate()
        ? ReplyPhrasing.chatty(value, scale, random) : ReplyPhrasing.bare(value);
  }

  /**
   * The recent conversation: the question, what came just before it (a re-ask differs from the
   * first ask) and how long the conversation is (another item order differs), so noise is fresh
   * where a real model's would be without hashing the whole history on every call.
   */
  private static long conversationHash(ChatRequest request) {
    List<ChatMessage> turns = request.turns();
    int from = Math.max(0, turns.size() - RECENT_TURNS);
    CharSequence[] parts = new CharSequence[turns.size() - from + 1];
    parts[0] = String.valueOf(turns.size());
    for (int i = from; i < turns.size(); i++) {
      parts[i - from + 1] = turns.get(i).text();
    }
    return StableHash.of(parts);
  }
}
