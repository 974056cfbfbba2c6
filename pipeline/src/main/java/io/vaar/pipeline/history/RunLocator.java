package io.vaar.pipeline.history;

import io.vaar.transforms.storage.RunStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the run directories that {@code ./vaar history --runs} names: each argument is a run
 * directory itself (it holds {@code manifest.json} or {@code analysis/vaar.json}) or a folder
 * whose immediate subfolders are runs — so a scheduled audit that writes dated runs under one
 * folder passes that folder. Local paths and URLs of Beam file systems ({@code gs://bucket/runs},
 * registered by the caller) both work. A path that does not exist or holds no run is bad input,
 * raised as an {@link IllegalArgumentException} that says what to pass instead.
 */
public final class RunLocator {

  private RunLocator() {
  }

  /** The run directories named by {@code locations}, each once, in the order given. */
  public static List<RunStorage> find(List<String> locations) {
    Set<String> runs = new LinkedHashSet<>();
    try {
      for (String location : locations) {
        RunStorage storage = RunStorage.at(location);
        if (storage.local() && !Files.isDirectory(Path.of(location))) {
          throw new IllegalArgumentException("--runs " + location + ": no such directory; pass"
              + " run directories (each with a manifest.json) or a folder holding them");
        }
        if (RunSnapshotReader.isRun(storage)) {
          runs.add(storage.local() ? Path.of(location).normalize().toString() : location);
          continue;
        }
        Set<String> children = storage.local() ? localRunsInside(Path.of(location))
            : remoteRunsInside(storage);
        if (children.isEmpty()) {
          throw new IllegalArgumentException("--runs " + location + ": holds no run (no"
              + " manifest.json in it or in its subfolders); pass the output directory of an"
              + " audit");
        }
        runs.addAll(children);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return runs.stream().map(RunStorage::at).toList();
  }

  private static Set<String> localRunsInside(Path folder) throws IOException {
    Set<String> runs = new TreeSet<>();
    try (Stream<Path> children = Files.list(folder)) {
      for (Path child : children.filter(Files::isDirectory).toList()) {
        if (RunSnapshotReader.isRun(RunStorage.at(child.toString()))) {
          runs.add(child.normalize().toString());
        }
      }
    }
    return runs;
  }

  private static Set<String> remoteRunsInside(RunStorage folder) throws IOException {
    Set<String> runs = new TreeSet<>();
    for (String marker : List.of(RunSnapshotReader.MANIFEST, RunSnapshotReader.VAAR_JSON)) {
      for (String file : folder.list("*/" + marker)) {
        runs.add(file.substring(0, file.length() - marker.length() - 1));
      }
    }
    return runs;
  }
}
