package io.vaar.transforms.providers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatReply;
import io.vaar.transforms.chat.FinishReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingChatModelTest {

  @TempDir
  Path cacheDir;

  private final ChatReply answer = new ChatReply("Agree", FinishReason.LENGTH, 12L, 3L, 250, false);

  @Test
  void servesARepeatedCallFromTheCacheMarkedCached() throws Exception {
    ScriptedChatModel provider = new ScriptedChatModel().answering(answer);
    CachingChatModel model = new CachingChatModel(provider, ResponseCache.inDirectory(cacheDir), "openai", "m");
    assertThat(model.complete(TestSpecs.conversation("q")), is(answer));
    assertThat(model.complete(TestSpecs.conversation("q")), is(answer.asCached()));
    assertThat(provider.calls(), is(1));
    model.complete(TestSpecs.conversation("another question"));
    assertThat(provider.calls(), is(2));
  }

  @Test
  void storesOneJsonFilePerEntryFannedOutByKeyPrefixWithNoTemporaryLeft() throws Exception {
    new CachingChatModel(new ScriptedChatModel().answering(answer), ResponseCache.inDirectory(cacheDir), "openai", "m")
        .complete(TestSpecs.conversation("q"));
    String key = ConversationKey.of("openai", "m", TestSpecs.conversation("q"));
    List<Path> files = allFiles();
    assertThat(files, is(List.of(cacheDir.resolve(key.substring(0, 2)).resolve(key + ".json"))));
  }

  @Test
  void neverCachesAFailure() throws Exception {
    ScriptedChatModel provider = new ScriptedChatModel().failing(new ChatException(ChatException.Kind.SERVER, "503"));
    CachingChatModel model = new CachingChatModel(provider, ResponseCache.inDirectory(cacheDir), "openai", "m");
    assertThrows(ChatException.class, () -> model.complete(TestSpecs.conversation("q")));
    assertThat(allFiles().isEmpty(), is(true));
    assertThat(model.complete(TestSpecs.conversation("q")).cached(), is(false));
  }

  @Test
  void aDamagedOrForeignEntryIsAMissAndIsReplaced() throws Exception {
    ResponseCache cache = ResponseCache.inDirectory(cacheDir);
    LocalCacheStorage storage = new LocalCacheStorage(cacheDir);
    String key = ConversationKey.of("openai", "m", TestSpecs.conversation("q"));
    storage.write(key, "{\"key\": \"trunc".getBytes());
    assertThat(cache.get(key).isPresent(), is(false));
    storage.write(key, "{\"key\": \"0000\", \"text\": \"other\", \"finish_reason\": \"STOP\"}".getBytes());
    assertThat(cache.get(key).isPresent(), is(false));
    ScriptedChatModel provider = new ScriptedChatModel().answering(answer);
    new CachingChatModel(provider, cache, "openai", "m").complete(TestSpecs.conversation("q"));
    assertThat(cache.get(key).orElseThrow(), is(answer.asCached()));
  }

  @Test
  void aFailedWriteDoesNotFailThePaidCall() throws Exception {
    Path notADirectory = Files.writeString(cacheDir.resolve("file"), "x");
    ResponseCache cache = ResponseCache.inDirectory(notADirectory);
    ChatReply reply = new CachingChatModel(new ScriptedChatModel().answering(answer), cache, "openai", "m")
        .complete(TestSpecs.conversation("q"));
    assertThat(reply, is(answer));
    assertThat(cache.writeFailures(), is(1L));
  }

  private List<Path> allFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(cacheDir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
