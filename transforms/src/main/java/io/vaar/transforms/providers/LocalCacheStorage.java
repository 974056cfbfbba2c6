package io.vaar.transforms.providers;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Cache entries as one small file per key in a local directory, fanned out by the key's first two
 * hex digits ({@code <dir>/ab/abcdef….json}; {@link CacheStorage#entryName}) so no directory
 * grows huge. An entry is written to a
 * temporary file beside its final name and then renamed atomically, so a killed process leaves at
 * worst a stray {@code .tmp} file, never a half entry.
 */
public final class LocalCacheStorage implements CacheStorage {

  private final Path directory;

  public LocalCacheStorage(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  Path pathOf(String key) {
    return directory.resolve(CacheStorage.entryName(key));
  }

  @Override
  public Optional<byte[]> read(String key) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(pathOf(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String key, byte[] entry) throws IOException {
    Path target = pathOf(key);
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), key.substring(0, 8) + "-", ".tmp");
    try {
      Files.write(temporary, entry);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public String toString() {
    return "LocalCacheStorage(" + directory + ")";
  }
}
