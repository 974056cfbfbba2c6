package io.vaar.transforms.storage;

import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * A file or directory of {@link InMemoryFileSystem}: {@code mem://bucket/path}, a directory
 * ending in {@code /}, as Cloud Storage's resource ids are.
 */
public record InMemoryResourceId(String location) implements ResourceId {

  static InMemoryResourceId of(String spec, boolean isDirectory) {
    if (!spec.startsWith(InMemoryFileSystem.SCHEME + "://")) {
      throw new IllegalArgumentException("not a mem:// location: " + spec);
    }
    if (isDirectory && !spec.endsWith("/")) {
      return new InMemoryResourceId(spec + "/");
    }
    if (!isDirectory && spec.endsWith("/")) {
      throw new IllegalArgumentException("a file's name cannot end in /: " + spec);
    }
    return new InMemoryResourceId(spec);
  }

  @Override
  public ResourceId resolve(String other, ResolveOptions options) {
    String base = getCurrentDirectory().toString();
    return of(base + other, options == StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  @Override
  public ResourceId getCurrentDirectory() {
    return isDirectory() ? this
        : new InMemoryResourceId(location.substring(0, location.lastIndexOf('/') + 1));
  }

  @Override
  public String getScheme() {
    return InMemoryFileSystem.SCHEME;
  }

  @Override
  public String getFilename() {
    String path = isDirectory() ? location.substring(0, location.length() - 1) : location;
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() ? null : name;
  }

  @Override
  public boolean isDirectory() {
    return location.endsWith("/");
  }

  @Override
  public String toString() {
    return location;
  }
}
