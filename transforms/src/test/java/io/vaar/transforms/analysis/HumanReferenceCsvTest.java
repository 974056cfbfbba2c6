package io.vaar.transforms.analysis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.transforms.data.InputException;
import io.vaar.transforms.instruments.InstrumentSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a human reference CSV: raw answers become rows scored as a model's sessions are
 * (reverse keys re-scored, other columns ignored), and each kind of bad file is one line naming
 * the file and what to change.
 */
class HumanReferenceCsvTest {

  private static final InstrumentSet INSTRUMENTS = InstrumentSet.builtin();
  private static final List<String> ITEMS = INSTRUMENTS.itemIds();

  @TempDir
  Path dir;

  private Path write(String text) throws Exception {
    return Files.writeString(dir.resolve("humans.csv"), text);
  }

  private String error(String text) throws Exception {
    Path file = write(text);
    InputException error = assertThrows(InputException.class,
        () -> HumanReferenceCsv.read(file, "humans.csv", INSTRUMENTS));
    assertThat(error.getMessage(), not(containsString("\n")));
    // the file as the config names it (WideCsv's own messages give the path it was read from)
    assertThat(error.getMessage(), startsWith("human_reference "));
    assertThat(error.getMessage(), containsString("humans.csv"));
    return error.getMessage();
  }

  @Test
  void rawAnswersAreScoredLikeAModelsAnswers() throws Exception {
    HumanSample sample = HumanReferenceCsv.read(write(SimulatedHumans.csv(SimulatedHumans.ALIGNED,
        60, 1)), "humans.csv", INSTRUMENTS);
    HumanSample expected = SimulatedHumans.sample(SimulatedHumans.ALIGNED, 60, 1);
    assertThat(sample.file(), equalTo("humans.csv"));
    assertThat(sample.rows().size(), equalTo(60));
    for (int r = 0; r < 60; r++) {
      assertThat(sample.rows().get(r).values(), equalTo(expected.rows().get(r).values()));
    }
    assertThat(sample.counts(), equalTo(expected.counts()));
    assertThat(sample.toSample().modelId(), equalTo(HumanSample.GROUP));
  }

  @Test
  void aMissingFileSaysWhereRelativePathsStart() throws Exception {
    InputException error = assertThrows(InputException.class,
        () -> HumanReferenceCsv.read(dir.resolve("nope.csv"), "nope.csv", INSTRUMENTS));
    assertThat(error.getMessage(), equalTo("human_reference nope.csv: file not found; give a "
        + "CSV of human answers (one row per respondent, one column per item id), relative to "
        + "the directory vaar runs in"));
  }

  @Test
  void missingItemColumnsAreNamed() throws Exception {
    String csv = SimulatedHumans.csv(SimulatedHumans.ALIGNED, 40, 1)
        .replaceFirst(",ctrl3,", ",control3,").replaceFirst(",aods6", ",aods_6");
    assertThat(error(csv), containsString("humans.csv: no column for items ctrl3, aods6; the "
        + "file needs one column per item id of the instruments (ctrl1, ctrl2,"));
  }

  @Test
  void aCellThatIsNotANumberNamesLineAndColumn() throws Exception {
    String header = "respondent," + String.join(",", ITEMS);
    String row = "h1," + "4,".repeat(ITEMS.size() - 1) + "four";
    assertThat(error(header + "\n" + row + "\n"), containsString("humans.csv line 2, column "
        + "'aods6': 'four' is not a number"));
  }

  @Test
  void anAnswerOffTheItemsScaleIsRefused() throws Exception {
    String header = String.join(",", ITEMS);
    String good = "4,".repeat(ITEMS.size() - 1) + "4";
    String off = good.replaceFirst("^4,4,4,4,4,4,4,4,4,4,4", "4,4,4,4,4,4,4,4,4,4,6");
    // psa1 is the 11th item: a 5-point scale, so 6 is off it
    assertThat(error(header + "\n" + good + "\n" + off + "\n"),
        containsString("humans.csv, respondent 2, column 'psa1': 6 is not an answer on the "
            + "item's scale (whole numbers 1–5); correct it or leave the cell empty"));
    assertThat(error(header + "\n" + good.replaceFirst("^4", "3.5") + "\n"),
        containsString("column 'ctrl1': 3.5 is not an answer on the item's scale"));
  }

  @Test
  void tooFewRespondentsToFitTheModelAreRefused() throws Exception {
    String csv = SimulatedHumans.csv(SimulatedHumans.ALIGNED, 32, 1);
    assertThat(error(csv), containsString("humans.csv: 32 respondents answered anything, but "
        + "fitting the model to 32 items needs at least 33"));
  }
}
