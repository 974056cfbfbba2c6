package io.vaar.transforms.instruments;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstrumentSetTest {

  private static final String VALID = """
      id: trust
      version: "2"
      construct: trust
      block: trust
      source: a test
      instructions: Say how much you agree.
      scale:
        min: 1
        max: 5
        anchors: {1: Not at all, 5: Completely}
      items:
        - {id: t1, dimension: trust, text: I trust people.}
        - {id: t2, dimension: trust, text: People are out to get me., reverse_keyed: true}
      """;

  @TempDir
  Path folder;

  @Test
  void builtinHasTheStudysThreeQuestionnaires() {
    InstrumentSet set = InstrumentSet.builtin();
    assertThat(set.blocks(), contains("privacy", "prosocialness", "data_sharing"));
    Instrument privacy = set.block("privacy").orElseThrow();
    assertThat(privacy.items(), hasSize(10));
    assertThat(privacy.items().stream().filter(i -> i.dimension().equals("control")).count(),
        equalTo(3L));
    assertThat(privacy.items().stream().filter(i -> i.dimension().equals("awareness")).count(),
        equalTo(3L));
    assertThat(privacy.items().stream().filter(i -> i.dimension().equals("collection")).count(),
        equalTo(4L));
    assertThat(privacy.scale().points(), equalTo(7));
    assertThat(set.block("prosocialness").orElseThrow().items(), hasSize(16));
    assertThat(set.block("prosocialness").orElseThrow().scale().points(), equalTo(5));
    assertThat(set.block("data_sharing").orElseThrow().items(), hasSize(6));
    assertThat(set.itemIds(), hasSize(32));
    assertThat(privacy.source(), containsString("Malhotra"));
  }

  @Test
  void reverseKeyedItemsAreMarkedAndRescoredAcrossTheScale() {
    InstrumentSet set = InstrumentSet.builtin();
    List<String> reversed = set.instruments().stream().flatMap(i -> i.items().stream())
        .filter(InstrumentItem::reverseKeyed).map(InstrumentItem::id).toList();
    assertThat(reversed, contains("ctrl3", "aods6"));
    ResponseScale scale = set.block("privacy").orElseThrow().scale();
    assertThat(scale.reverse(1), equalTo(7));
    assertThat(scale.reverse(4), equalTo(4));
    assertThat(scale.anchor(7).orElseThrow(), equalTo("Strongly agree"));
  }

  @Test
  void aUsersFolderReplacesTheBuiltinSet() throws IOException {
    Files.writeString(folder.resolve("trust.yaml"), VALID);
    Files.writeString(folder.resolve("notes.txt"), "not an instrument");
    InstrumentSet set = InstrumentSet.load(folder.toString());
    assertThat(set.blocks(), contains("trust"));
    assertThat(set.itemIds(), contains("t1", "t2"));
    assertThat(set.instrumentOf("t2").orElseThrow().item("t2").orElseThrow().reverseKeyed(),
        equalTo(true));
    assertThat(set.instrumentOf("ctrl1").isPresent(), equalTo(false));
  }

  @Test
  void jsonFilesAreReadToo() throws IOException {
    Files.writeString(folder.resolve("j.json"), """
        {"id": "j", "version": "1", "construct": "c", "block": "b", "source": "s",
         "instructions": "i", "scale": {"min": 0, "max": 10, "anchors": {"0": "no", "10": "yes"}},
         "items": [{"id": "j1", "dimension": "d", "text": "t"}]}
        """);
    assertThat(InstrumentSet.fromFolder(folder).block("b").orElseThrow().scale().points(),
        equalTo(11));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "misspelt field|reverse_keyed: true|reverse_keyd: true|field 'items[1].reverse_keyd' is not a known field",
      "missing version|version: \"2\"|#|field 'version' is missing",
      "scale upside down|max: 5|max: 1|field 'scale.max' must be greater than scale.min (1)",
      "anchor off the scale|5: Completely|9: Completely|field 'scale.anchors' point 9 is outside 1..5",
      "text not a flag|reverse_keyed: true|reverse_keyed: yes please|field 'items[1].reverse_keyed' must be true or false",
      "duplicate item id|id: t2|id: t1|field 'items[1].id' 't1' is used twice",
      "not YAML|items:|items: [unclosed|not valid YAML or JSON",
      "item id not a column name|id: t1|id: 1st item|field 'items[0].id' '1st item' must start with a letter"})
  void aMalformedFileIsOneLineNamingTheFileAndField(String name, String from, String to,
      String expected) throws IOException {
    Path file = folder.resolve("trust.yaml");
    Files.writeString(file, VALID.replace(from, to));
    InstrumentException error = assertThrows(InstrumentException.class,
        () -> InstrumentSet.fromFolder(folder));
    assertThat(error.getMessage(), containsString(file.toString()));
    assertThat(error.getMessage(), containsString(expected));
    assertThat(error.getMessage(), not(containsString("\n")));
  }

  @Test
  void twoFilesMayNotShareAnItemIdOrABlock() throws IOException {
    Files.writeString(folder.resolve("a.yaml"), VALID);
    Files.writeString(folder.resolve("b.yaml"), VALID.replace("id: trust", "id: other")
        .replace("t1", "u1").replace("t2", "u2"));
    assertThat(assertThrows(InstrumentException.class, () -> InstrumentSet.fromFolder(folder))
        .getMessage(), containsString("both use block 'trust'"));
    Files.writeString(folder.resolve("b.yaml"), VALID.replace("id: trust", "id: other")
        .replace("block: trust", "block: other").replace("t2", "u2"));
    assertThat(assertThrows(InstrumentException.class, () -> InstrumentSet.fromFolder(folder))
        .getMessage(), containsString("item id 't1' appears in 'trust' and 'other'"));
  }

  @Test
  void aMissingOrEmptyFolderSaysWhatToSet() throws IOException {
    assertThat(assertThrows(InstrumentException.class,
        () -> InstrumentSet.load(folder.resolve("nope").toString())).getMessage(),
        containsString("instruments folder not found; set 'instruments:'"));
    assertThat(assertThrows(InstrumentException.class, () -> InstrumentSet.fromFolder(folder))
        .getMessage(), containsString("no .yaml, .yml or .json instrument files"));
  }
}
