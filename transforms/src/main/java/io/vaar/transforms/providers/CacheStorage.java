package io.vaar.transforms.providers;

import java.io.IOException;
import java.util.Optional;

/**
 * Where response cache entries live: small blobs addressed by a hex key. Writes must be atomic —
 * a reader sees a whole entry or none, even if the writer is killed midway — and writing a key
 * twice must be harmless, since two workers may answer the same call. {@link
 * LocalCacheStorage} keeps entries in a local directory, {@link FileSystemCacheStorage} on any
 * Beam file system (a {@code gs://} run output).
 */
public interface CacheStorage {

  /**
   * The file of an entry below the cache's directory, fanned out by the key's first two hex
   * digits ({@code ab/abcdef….json}) so that no directory grows huge.
   */
  static String entryName(String key) {
    return key.substring(0, 2) + "/" + key + ".json";
  }

  /** The entry stored under the key, if there is one. */
  Optional<byte[]> read(String key) throws IOException;

  /** Stores an entry atomically, replacing any earlier one. */
  void write(String key, byte[] entry) throws IOException;
}
