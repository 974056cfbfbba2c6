package io.vaar.pipeline.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the run directories that {@code ./vaar history --runs} names: each argument is a run
 * directory itself (it holds {@code manifest.json} or {@code analysis/vaar.json}) or a folder
 * whose immediate subfolders are runs — so a scheduled audit that writes dated runs under one
 * folder passes that folder. A path that does not exist or holds no run is bad input, raised as
 * an {@link IllegalArgumentException} that says what to pass instead.
 */
public final class RunLocator {

  private RunLocator() {
  }

  /** The run directories named by {@code paths}, each once, in the order given. */
  public static List<Path> find(List<Path> paths) {
    Set<Path> runs = new LinkedHashSet<>();
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        throw new IllegalArgumentException("--runs " + path + ": no such directory; pass run"
            + " directories (each with a manifest.json) or a folder holding them");
      }
      if (RunSnapshotReader.isRun(path)) {
        runs.add(path.normalize());
        continue;
      }
      List<Path> children = runsInside(path);
      if (children.isEmpty()) {
        throw new IllegalArgumentException("--runs " + path + ": holds no run (no manifest.json"
            + " in it or in its subfolders); pass the output directory of an audit");
      }
      children.forEach(child -> runs.add(child.normalize()));
    }
    return List.copyOf(runs);
  }

  private static List<Path> runsInside(Path folder) {
    try (Stream<Path> children = Files.list(folder)) {
      return children.filter(Files::isDirectory).filter(RunSnapshotReader::isRun).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
