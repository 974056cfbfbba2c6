package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.transforms.config.ModelSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The per-minute budgets of a model whose session shards are spread over a cluster: each of its
 * {@code max_concurrency} shards owns a fixed share, so the model's budget holds however many
 * workers run the shards — where whole per-JVM budgets would multiply with the workers.
 */
class SharedCallLimitsTest {

  /** 60 requests per minute over 4 shards. */
  private static final ModelSpec SPEC = TestSpecs.openAi("http://127.0.0.1:1/v1",
      "max_concurrency: 4\nrequests_per_minute: 60");
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  private final FakeClock clock = new FakeClock();

  @Test
  void aShardSpacesItsCallsToItsShareOfTheBudget() {
    TokenBucket shard = new SharedCallLimits(clock).forShard(SPEC, 2).requests().orElseThrow();
    assertThat(shard.reserve(1), equalTo(Duration.ZERO));
    // 60 per minute over 4 shards: 15 per minute each, one every 4 s
    assertThat(shard.reserve(1), equalTo(Duration.ofSeconds(4)));
    assertThat(shard.reserve(1), equalTo(Duration.ofSeconds(8)));
  }

  @Test
  void shardsShareTheModelsCallsInFlightAndKeepTheirOwnBudget() {
    SharedCallLimits limits = new SharedCallLimits(clock);
    assertThat(limits.forShard(SPEC, 0).inFlight(), sameInstance(limits.forModel(SPEC).inFlight()));
    assertThat(limits.forShard(SPEC, 3).inFlight(), sameInstance(limits.forModel(SPEC).inFlight()));
    assertThat(limits.forShard(SPEC, 1), sameInstance(limits.forShard(SPEC, 1)));
    assertThrows(IllegalArgumentException.class, () -> limits.forShard(SPEC, 4));
  }

  @Test
  void shardsSpreadOverTwoWorkersStayWithinTheModelsBudget() {
    // two workers, each with its own JVM-wide limits; shards 0-1 run on one, 2-3 on the other
    List<SharedCallLimits> workers = List.of(new SharedCallLimits(clock),
        new SharedCallLimits(clock));
    int sharded = startsInFirstMinute((worker, shard) ->
        workers.get(worker).forShard(SPEC, shard).requests().orElseThrow());
    assertThat(sharded, equalTo(60));
    // what whole budgets per JVM would allow: one budget per worker
    int whole = startsInFirstMinute((worker, shard) ->
        workers.get(worker).forModel(SPEC).requests().orElseThrow());
    assertThat(whole, equalTo(120));
  }

  @Test
  void theFactorysShardModelCallsWithinTheShardsShare() throws Exception {
    ChatModelFactory factory = ChatModelFactory.builder().clock(clock)
        .limits(new SharedCallLimits(clock)).build();
    io.vaar.transforms.chat.ChatModel shard = factory.create(SPEC, 1, new ScriptedChatModel());
    for (int i = 0; i < 3; i++) {
      shard.complete(TestSpecs.conversation("q"));
    }
    // one shard of four: 15 requests per minute, so a call every 4 s
    assertThat(clock.sleeps(), equalTo(List.of(Duration.ofSeconds(4), Duration.ofSeconds(4))));
  }

  /** Calls started within the first minute when every shard calls back to back. */
  private int startsInFirstMinute(BiFunction<Integer, Integer, TokenBucket> bucketOf) {
    int started = 0;
    for (int shard = 0; shard < SPEC.maxConcurrency(); shard++) {
      TokenBucket bucket = bucketOf.apply(shard / 2, shard);
      // the clock stands still, so each reservation's wait is its call's start from now
      while (bucket.reserve(1).toNanos() < MINUTE) {
        started++;
      }
    }
    return started;
  }
}
