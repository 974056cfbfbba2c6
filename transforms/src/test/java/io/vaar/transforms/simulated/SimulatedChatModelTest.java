package io.vaar.transforms.simulated;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.schemas.SessionRecord;
import io.vaar.transforms.analysis.ItemScores;
import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatMessage;
import io.vaar.transforms.chat.ChatRequest;
import io.vaar.transforms.chat.GenerationSettings;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.personas.PersonaGenerator;
import io.vaar.transforms.protocol.PromptTemplates;
import io.vaar.transforms.protocol.ProtocolSettings;
import io.vaar.transforms.protocol.SessionProtocol;
import io.vaar.transforms.protocol.SessionResult;
import io.vaar.transforms.protocol.SessionSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class SimulatedChatModelTest {

  static final InstrumentSet INSTRUMENTS = InstrumentSet.builtin();
  static final SessionProtocol PROTOCOL = new SessionProtocol(INSTRUMENTS,
      ProtocolSettings.defaults(), PromptTemplates.builtin(), () -> 1_700_000_000_000L);

  static SessionResult session(SimulatedChatModel model, String modelId, int persona, long seed) {
    SessionSpec spec = new SessionSpec("run", modelId, new PersonaGenerator(seed).persona(persona),
        0, seed, true);
    return PROTOCOL.run(spec, model, GenerationSettings.defaults());
  }

  static SimulatedChatModel model(SimulatedProfile profile, SimulationSettings settings) {
    return new SimulatedChatModel(INSTRUMENTS, profile, settings);
  }

  @Test
  void aSessionIsReproducibleByteForByteFromItsSeed() throws IOException {
    byte[] first = avro(session(model(SimulatedProfile.ALIGNED, SimulationSettings.defaults(1)),
        "sim", 3, 42));
    byte[] again = avro(session(model(SimulatedProfile.ALIGNED, SimulationSettings.defaults(1)),
        "sim", 3, 42));
    byte[] otherSeed = avro(session(model(SimulatedProfile.ALIGNED,
        SimulationSettings.defaults(1)), "sim", 3, 43));
    assertThat(again, equalTo(first));
    assertThat(otherSeed, not(equalTo(first)));
  }

  @Test
  void itRecognisesTheItemFromThePromptTextAlone() throws ChatException {
    SimulatedChatModel model = model(SimulatedProfile.ALIGNED, new SimulationSettings(0, 0, 0, 0));
    String statement = INSTRUMENTS.instrumentOf("coll4").orElseThrow().item("coll4").orElseThrow()
        .text();
    ChatRequest reworded = new ChatRequest("You are a 40-year-old farmer.",
        List.of(ChatMessage.user("How about this one? " + statement + " 1 to 7 please")), null);
    assertThat(model.complete(reworded).text(), matchesPattern("[1-7]"));
    ChatRequest unknown = new ChatRequest("You are a 40-year-old farmer.",
        List.of(ChatMessage.user("Do you like cheese? 1 to 7")), null);
    ChatException error = assertThrows(ChatException.class, () -> model.complete(unknown));
    assertThat(error.getMessage(), containsString("quotes no statement"));
  }

  @Test
  void reverseKeyedItemsAreAnsweredInReverse() {
    SimulatedChatModel model = model(SimulatedProfile.ALIGNED, new SimulationSettings(0, 0, 0, 5));
    int n = 150;
    double[] ctrl1 = new double[n];
    double[] ctrl2 = new double[n];
    double[] ctrl3Raw = new double[n];
    for (int i = 0; i < n; i++) {
      for (ItemResponse response : session(model, "sim", i, 9).responses()) {
        switch (response.getItemId()) {
          case "ctrl1" -> ctrl1[i] = response.getValue();
          case "ctrl2" -> ctrl2[i] = response.getValue();
          case "ctrl3" -> ctrl3Raw[i] = response.getValue();
          default -> { }
        }
      }
    }
    PearsonsCorrelation correlation = new PearsonsCorrelation();
    assertThat(correlation.correlation(ctrl1, ctrl2), greaterThan(0.3));
    assertThat(correlation.correlation(ctrl1, ctrl3Raw), lessThan(-0.3));
  }

  @Test
  void tidyRespondentsAnswerWithBareNumbersOnly() {
    SessionResult result = session(model(SimulatedProfile.INVERTED,
        new SimulationSettings(0, 0, 0, 0)), "sim", 0, 1);
    for (ItemResponse response : result.responses()) {
      assertThat(response.getRawText(), matchesPattern("[1-7]"));
      assertThat(response.getAttempts(), equalTo(1));
    }
  }

  @Test
  void untidyRespondentsExerciseTheParserAndTheReasks() {
    SimulatedChatModel model = model(SimulatedProfile.ALIGNED,
        new SimulationSettings(0.3, 0.1, 0.05, 0));
    int chatty = 0;
    int reasked = 0;
    int missing = 0;
    int total = 0;
    for (int i = 0; i < 40; i++) {
      for (ItemResponse response : session(model, "sim", i, 2).responses()) {
        total++;
        chatty += response.getReplies().get(0).matches("[1-7]") ? 0 : 1;
        reasked += response.getAttempts() > 1 ? 1 : 0;
        missing += response.getStatus() == ResponseStatus.ok ? 0 : 1;
      }
    }
    assertThat((double) chatty / total, both(greaterThan(0.3)).and(lessThan(0.55)));
    assertThat((double) reasked / total, both(greaterThan(0.08)).and(lessThan(0.25)));
    assertThat(missing, both(greaterThan(0)).and(lessThan(total / 20)));
  }

  @Test
  void itemScoresRescoreReverseKeysAndLeaveMissingAnswersEmpty() {
    SessionResult result = session(model(SimulatedProfile.ALIGNED,
        new SimulationSettings(0, 0, 0, 0)), "sim", 0, 1);
    ItemScores scores = new ItemScores(INSTRUMENTS.itemIds());
    double[] row = scores.row(result.responses());
    ItemResponse ctrl3 = result.responses().stream()
        .filter(r -> r.getItemId().equals("ctrl3")).findFirst().orElseThrow();
    assertThat(row[INSTRUMENTS.itemIds().indexOf("ctrl3")], equalTo(8.0 - ctrl3.getValue()));
    assertThat(row.length, equalTo(32));
    double[] partial = scores.row(result.responses().subList(0, 3));
    assertThat(Double.isNaN(partial[INSTRUMENTS.itemIds().indexOf(
        result.responses().get(5).getItemId())]), equalTo(true));
  }

  private static byte[] avro(SessionResult result) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new SpecificDatumWriter<>(SessionRecord.class).write(result.record(), encoder);
    SpecificDatumWriter<ItemResponse> writer = new SpecificDatumWriter<>(ItemResponse.class);
    for (ItemResponse response : result.responses()) {
      writer.write(response, encoder);
    }
    encoder.flush();
    return bytes.toByteArray();
  }

  static List<double[]> rows(SimulatedChatModel model, String modelId, int personas, long seed) {
    ItemScores scores = new ItemScores(INSTRUMENTS.itemIds());
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < personas; i++) {
      rows.add(scores.row(session(model, modelId, i, seed).responses()));
    }
    return rows;
  }
}
