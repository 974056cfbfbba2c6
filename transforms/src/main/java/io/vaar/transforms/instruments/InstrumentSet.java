package io.vaar.transforms.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The instruments of one audit, keyed by block name: the built-in privacy concern,
 * prosocialness and data-sharing questionnaires, or every {@code *.yaml}, {@code *.yml} and
 * {@code *.json} file of a user's folder, which replaces them. Blocks and item ids are unique
 * across the set, because item ids become the columns of the analysis data.
 */
public final class InstrumentSet implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String BUILTIN_FOLDER = "/io/vaar/transforms/instruments/";
  private static final List<String> BUILTIN_FILES =
      List.of("privacy-concern.yaml", "prosocialness.yaml", "data-sharing.yaml");

  private final Map<String, Instrument> byBlock;
  private final Map<String, Instrument> byItem;

  private InstrumentSet(List<Instrument> instruments, String origin) {
    Map<String, Instrument> blocks = new LinkedHashMap<>();
    Map<String, Instrument> items = new HashMap<>();
    for (Instrument instrument : instruments) {
      Instrument clash = blocks.putIfAbsent(instrument.block(), instrument);
      if (clash != null) {
        throw new InstrumentException(origin + ": instruments '" + clash.id() + "' and '"
            + instrument.id() + "' both use block '" + instrument.block()
            + "'; give each instrument its own block");
      }
      for (InstrumentItem item : instrument.items()) {
        Instrument owner = items.putIfAbsent(item.id(), instrument);
        if (owner != null) {
          throw new InstrumentException(origin + ": item id '" + item.id() + "' appears in '"
              + owner.id() + "' and '" + instrument.id() + "'; item ids must be unique");
        }
      }
    }
    this.byBlock = blocks;
    this.byItem = items;
  }

  /** The three questionnaires of the study, from the files shipped in the jar. */
  public static InstrumentSet builtin() {
    InstrumentReader reader = new InstrumentReader();
    List<Instrument> instruments = new ArrayList<>();
    for (String file : BUILTIN_FILES) {
      try (InputStream in = InstrumentSet.class.getResourceAsStream(BUILTIN_FOLDER + file)) {
        if (in == null) {
          throw new IllegalStateException("built-in instrument " + file + " is not in the jar");
        }
        instruments.add(reader.read("builtin:" + file, in));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read built-in instrument " + file, e);
      }
    }
    return new InstrumentSet(instruments, "builtin");
  }

  /** Every instrument file in {@code folder}, in file-name order. */
  public static InstrumentSet fromFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new InstrumentException(folder + ": instruments folder not found; set "
          + "'instruments:' to a folder of .yaml/.json files, or to 'builtin'");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(InstrumentSet::isInstrumentFile).sorted().toList();
    } catch (IOException e) {
      throw new InstrumentException(folder + ": cannot list instruments folder: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new InstrumentException(folder + ": no .yaml, .yml or .json instrument files in "
          + "this folder");
    }
    InstrumentReader reader = new InstrumentReader();
    List<Instrument> instruments = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        instruments.add(reader.read(file.toString(), in));
      } catch (IOException e) {
        throw new InstrumentException(file + ": cannot be read: " + e.getMessage(), e);
      }
    }
    return new InstrumentSet(instruments, folder.toString());
  }

  /** {@code "builtin"} (or null) for the built-in set, otherwise a folder path. */
  public static InstrumentSet load(String setting) {
    return setting == null || setting.equals("builtin") ? builtin() : fromFolder(Path.of(setting));
  }

  private static boolean isInstrumentFile(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
  }

  /** Block names in the order the files were read. */
  public List<String> blocks() {
    return List.copyOf(byBlock.keySet());
  }

  public Optional<Instrument> block(String block) {
    return Optional.ofNullable(byBlock.get(block));
  }

  public List<Instrument> instruments() {
    return List.copyOf(byBlock.values());
  }

  /** The instrument an item belongs to. */
  public Optional<Instrument> instrumentOf(String itemId) {
    return Optional.ofNullable(byItem.get(itemId));
  }

  /** Every item id, block by block, in file order: the columns of the analysis data. */
  public List<String> itemIds() {
    return byBlock.values().stream()
        .flatMap(instrument -> instrument.items().stream().map(InstrumentItem::id)).toList();
  }
}
