package io.vaar.transforms.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;

/**
 * A Beam file system held in this JVM's memory under the scheme {@code mem://}, with the
 * semantics of an object store such as Cloud Storage: flat keys, no directories, a file visible
 * only once its writer has closed it, globs where {@code *} stays within one path segment and
 * {@code **} crosses them. It lets tests run a whole pipeline against a non-local output on the
 * direct runner. Registered by {@link InMemoryFileSystemRegistrar} through
 * {@code META-INF/services} in the test resources; every instance shares one store.
 */
public final class InMemoryFileSystem extends FileSystem<InMemoryResourceId> {

  public static final String SCHEME = "mem";

  private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

  /** The content of a file, if it exists. */
  public static Optional<byte[]> contentOf(String location) {
    return Optional.ofNullable(FILES.get(location));
  }

  /** Puts a file in place, as if it had been uploaded. */
  public static void put(String location, byte[] content) {
    FILES.put(location, content.clone());
  }

  /** Every file whose location starts with {@code prefix}. */
  public static List<String> filesUnder(String prefix) {
    return FILES.keySet().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
  }

  @Override
  protected List<MatchResult> match(List<String> specs) {
    List<MatchResult> results = new ArrayList<>();
    for (String spec : specs) {
      List<MatchResult.Metadata> found = new ArrayList<>();
      Pattern pattern = globToRegex(spec);
      FILES.forEach((key, content) -> {
        if (pattern.matcher(key).matches()) {
          found.add(metadata(key, content));
        }
      });
      results.add(found.isEmpty()
          ? MatchResult.create(MatchResult.Status.NOT_FOUND, new FileNotFoundException(spec))
          : MatchResult.create(MatchResult.Status.OK, found));
    }
    return results;
  }

  @Override
  protected WritableByteChannel create(InMemoryResourceId file, CreateOptions options) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream() {
      @Override
      public void close() {
        FILES.put(file.toString(), toByteArray());
      }
    };
    return Channels.newChannel(buffer);
  }

  @Override
  protected ReadableByteChannel open(InMemoryResourceId file) throws IOException {
    return Channels.newChannel(new ByteArrayInputStream(existing(file.toString())));
  }

  @Override
  protected void copy(List<InMemoryResourceId> sources, List<InMemoryResourceId> targets)
      throws IOException {
    for (int i = 0; i < sources.size(); i++) {
      FILES.put(targets.get(i).toString(), existing(sources.get(i).toString()));
    }
  }

  @Override
  protected void rename(List<InMemoryResourceId> sources, List<InMemoryResourceId> targets,
      MoveOptions... options) throws IOException {
    if (options.length > 0) {
      // As Beam allows: FileSystems then filters by the options and renames without them.
      throw new UnsupportedOperationException("move options");
    }
    copy(sources, targets);
    sources.forEach(source -> FILES.remove(source.toString()));
  }

  @Override
  protected void delete(Collection<InMemoryResourceId> files) {
    files.forEach(file -> FILES.remove(file.toString()));
  }

  @Override
  protected InMemoryResourceId matchNewResource(String spec, boolean isDirectory) {
    return InMemoryResourceId.of(spec, isDirectory);
  }

  @Override
  protected String getScheme() {
    return SCHEME;
  }

  private static byte[] existing(String location) throws FileNotFoundException {
    byte[] content = FILES.get(location);
    if (content == null) {
      throw new FileNotFoundException(location);
    }
    return content;
  }

  private static MatchResult.Metadata metadata(String key, byte[] content) {
    return MatchResult.Metadata.builder()
        .setResourceId(InMemoryResourceId.of(key, false))
        .setSizeBytes(content.length)
        .setIsReadSeekEfficient(false)
        .setLastModifiedMillis(0L)
        .setChecksum(Integer.toHexString(Arrays.hashCode(content)))
        .build();
  }

  private static Pattern globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
