package io.vaar.transforms.protocol;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.vaar.transforms.instruments.ResponseScale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LikertAnswerParserTest {

  static final ResponseScale AGREE7 = new ResponseScale(1, 7, Map.of(1, "Strongly disagree",
      2, "Disagree", 3, "Somewhat disagree", 4, "Neither agree nor disagree",
      5, "Somewhat agree", 6, "Agree", 7, "Strongly agree"));
  static final ResponseScale FREQ5 = new ResponseScale(1, 5, Map.of(1, "Never or almost never",
      2, "Occasionally", 3, "Sometimes", 4, "Often", 5, "Almost always or always"));

  private final LikertAnswerParser parser = new LikertAnswerParser();

  static Stream<Arguments> replies() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        LikertAnswerParserTest.class.getResourceAsStream("likert-replies.tsv"),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        cases.add(Arguments.of(fields[0], fields[1], fields[2]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "[{0}] \"{1}\" -> {2}")
  @MethodSource("replies")
  void parsesRealLookingReplies(String scale, String reply, String expected) {
    ParsedAnswer answer = parser.parse(reply, scale.equals("agree7") ? AGREE7 : FREQ5);
    String actual = switch (answer.outcome()) {
      case OK -> String.valueOf(answer.value());
      case INVALID -> "invalid";
      case REFUSED -> "refused";
    };
    assertThat(reply + " (" + answer.reason() + ")", actual, equalTo(expected));
  }

  @Test
  void tableCoversEveryOutcomeManyTimes() throws IOException {
    assertThat(replies().count(), greaterThan(80L));
  }

  @Test
  void reasonsSayWhyNothingWasRecorded() {
    assertThat(parser.parse("between 4 and 5", AGREE7).reason(), containsString("ambiguous"));
    assertThat(parser.parse("9", AGREE7).reason(), containsString("off the scale 1-7: 9"));
    assertThat(parser.parse("4.5", AGREE7).reason(), containsString("not a whole number"));
  }

  @Test
  void everyPointAndEveryAnchorOfTheScaleRoundTrips() {
    for (ResponseScale scale : List.of(AGREE7, FREQ5)) {
      for (int point = scale.min(); point <= scale.max(); point++) {
        assertThat(parser.parse(String.valueOf(point), scale).value(), equalTo(point));
        assertThat(parser.parse(scale.anchors().get(point), scale).value(), equalTo(point));
        assertThat(parser.parse("I'd say " + point + " - " + scale.anchors().get(point), scale)
            .value(), equalTo(point));
      }
    }
  }
}
