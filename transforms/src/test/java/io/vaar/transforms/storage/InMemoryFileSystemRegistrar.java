package io.vaar.transforms.storage;

import java.util.List;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.options.PipelineOptions;

/** Registers {@link InMemoryFileSystem} ({@code mem://}) with Beam, for tests only. */
public final class InMemoryFileSystemRegistrar implements FileSystemRegistrar {

  @Override
  public Iterable<FileSystem<?>> fromOptions(PipelineOptions options) {
    return List.of(new InMemoryFileSystem());
  }
}
