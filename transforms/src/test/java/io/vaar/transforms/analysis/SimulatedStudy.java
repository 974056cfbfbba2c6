package io.vaar.transforms.analysis;

import io.vaar.schemas.ItemResponse;
import io.vaar.transforms.chat.GenerationSettings;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.personas.PersonaGenerator;
import io.vaar.transforms.protocol.ProtocolSettings;
import io.vaar.transforms.protocol.SessionProtocol;
import io.vaar.transforms.protocol.SessionResult;
import io.vaar.transforms.protocol.SessionSpec;
import io.vaar.transforms.simulated.SimulatedChatModel;
import io.vaar.transforms.simulated.SimulatedProfile;
import io.vaar.transforms.simulated.SimulationSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Audited samples of simulated models without a pipeline: each profile answers the built-in
 * instruments in {@code sessions} sessions through the real protocol and scoring, so analysis
 * tests and benchmarks see what an audit's final combine sees.
 */
final class SimulatedStudy {

  static final InstrumentSet INSTRUMENTS = InstrumentSet.builtin();
  static final StudyModel STUDY = StudyModel.forInstruments(INSTRUMENTS);

  private SimulatedStudy() {
  }

  static List<ModelSample> samples(List<SimulatedProfile> profiles, int sessions) {
    SessionProtocol protocol = new SessionProtocol(INSTRUMENTS, ProtocolSettings.defaults());
    ItemScores scores = new ItemScores(INSTRUMENTS.itemIds());
    List<ModelSample> samples = new ArrayList<>();
    for (SimulatedProfile profile : profiles) {
      SimulatedChatModel model = new SimulatedChatModel(INSTRUMENTS, profile,
          SimulationSettings.defaults(profile.ordinal()));
      List<ModelSample.SessionRow> rows = new ArrayList<>();
      ResponseCounts counts = ResponseCounts.NONE;
      for (int i = 0; i < sessions; i++) {
        SessionResult result = protocol.run(new SessionSpec("t", profile.configName(),
            new PersonaGenerator(7).persona(i), 0, 7, true), model, GenerationSettings.defaults());
        rows.add(new ModelSample.SessionRow(result.record().getSessionId(),
            scores.row(result.responses())));
        for (ItemResponse response : result.responses()) {
          counts = counts.plus(switch (response.getStatus()) {
            case ok -> new ResponseCounts(1, 1, 0, 0, 0);
            case invalid -> new ResponseCounts(1, 0, 1, 0, 0);
            case refused -> new ResponseCounts(1, 0, 0, 1, 0);
            case error -> new ResponseCounts(1, 0, 0, 0, 1);
          });
        }
      }
      samples.add(ModelSample.of(profile.configName(), rows, counts));
    }
    return samples;
  }
}
