package io.vaar.transforms.providers;

import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.util.Optional;

/**
 * Cache entries as one small file per key on any Beam file system — the response cache of a run
 * whose output is {@code gs://…}, shared by every Dataflow worker — laid out as {@link
 * LocalCacheStorage} lays out a local one. Entries are content-addressed and written atomically
 * (temporary name, then rename), so two workers that store the same answer at once race
 * harmlessly: both write the same bytes.
 */
public final class FileSystemCacheStorage implements CacheStorage {

  private final RunStorage storage;

  public FileSystemCacheStorage(String location) {
    this.storage = RunStorage.at(location);
  }

  @Override
  public Optional<byte[]> read(String key) throws IOException {
    return storage.read(CacheStorage.entryName(key));
  }

  @Override
  public void write(String key, byte[] entry) throws IOException {
    storage.write(CacheStorage.entryName(key), entry);
  }

  @Override
  public String toString() {
    return "FileSystemCacheStorage(" + storage + ")";
  }
}
