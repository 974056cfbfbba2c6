package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.config.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second run over the same output directory pays for nothing: every answer comes from the cache. */
class ResponseCacheIT {

  @TempDir
  Path output;

  private List<ChatReply> run(MockWebServer server) throws Exception {
    ModelSpec spec = TestSpecs.openAi(server.url("/v1").toString(), "temperature: 0.7\nseed: 1");
    List<ChatReply> replies = new ArrayList<>();
    try (ChatModel model = ChatModelFactory.builder().environment(TestSpecs.ENVIRONMENT)
        .cacheDirectory(output.resolve("cache")).limits(new SharedCallLimits(CallClock.system())).build()
        .create(spec)) {
      for (int i = 0; i < 10; i++) {
        replies.add(model.complete(TestSpecs.conversation("item " + i)));
      }
    }
    return replies;
  }

  @Test
  void aRerunWithTheSameOutputMakesNoNewRequests() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      for (int i = 0; i < 10; i++) {
        server.enqueue(ProviderWireContract.json(200, OpenAiChatModelIT.completion("answer " + i, "stop")));
      }
      server.start();
      List<ChatReply> first = run(server);
      assertThat(server.getRequestCount(), is(10));
      List<ChatReply> second = run(server);
      assertThat(server.getRequestCount(), is(10));
      for (int i = 0; i < 10; i++) {
        assertThat(first.get(i).cached(), is(false));
        assertThat(second.get(i), is(first.get(i).asCached()));
      }
    }
  }
}
