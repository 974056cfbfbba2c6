package io.vaar.transforms.audit;

import io.vaar.transforms.analysis.HumanReferenceCsv;
import io.vaar.transforms.analysis.HumanSample;
import io.vaar.transforms.analysis.StudyModel;
import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.config.RunConfig;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.personas.PersonaFile;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a worker needs to run an audit's sessions and analyse them, checked and loaded on
 * the machine that launches the run: the config, the instruments (loaded, so workers need not
 * see the user's folder), the persona panel, where the run writes, and the human reference
 * answers when the config names a file ({@code null} otherwise). Building a plan is where a bad
 * instruments folder, persona file, block order or human reference file is reported — before
 * any model is called.
 */
public record AuditPlan(RunConfig config, InstrumentSet instruments, PersonaPanel panel,
    String output, HumanSample human) implements Serializable {

  /** Loads instruments, personas and human answers and checks the protocol against them. */
  public static AuditPlan prepare(RunConfig config) {
    InstrumentSet instruments = InstrumentSet.load(config.instruments());
    PersonaPanel panel = config.run().personasFile() == null
        ? PersonaPanel.generated(config.run().seed(), config.run().personas())
        : PersonaPanel.of(PersonaFile.read(Path.of(config.run().personasFile())));
    for (String block : config.run().blockOrder()) {
      if (instruments.block(block).isEmpty()) {
        throw new IllegalArgumentException("run.block_order names block '" + block
            + "', but the instruments define only " + instruments.blocks());
      }
    }
    StudyModel.forInstruments(instruments);
    return new AuditPlan(config, instruments, panel, config.run().output(),
        humanReference(config, instruments));
  }

  /** The config's human reference answers, read and checked, or null when it names none. */
  public static HumanSample humanReference(RunConfig config, InstrumentSet instruments) {
    if (config.humanReference() == null) {
      return null;
    }
    for (ModelSpec model : config.models().models()) {
      if (model.id().equals(HumanSample.GROUP)) {
        throw new IllegalArgumentException("model id '" + HumanSample.GROUP + "' is the name "
            + "of the human reference group (human_reference: " + config.humanReference()
            + "); give the model another id");
      }
    }
    return HumanReferenceCsv.read(Path.of(config.humanReference()), config.humanReference(),
        instruments);
  }

  public String runId() {
    return config.run().id();
  }

  /** Every session of the run: models × personas × replicates, in a fixed order. */
  public List<SessionTask> tasks() {
    List<SessionTask> tasks = new ArrayList<>();
    for (ModelSpec model : config.models().models()) {
      for (int persona = 0; persona < panel.size(); persona++) {
        for (int replicate = 0; replicate < config.run().replicates(); replicate++) {
          tasks.add(new SessionTask(model.id(), persona, replicate));
        }
      }
    }
    return tasks;
  }

  public ModelSpec model(String id) {
    return config.models().find(id).orElseThrow(
        () -> new IllegalArgumentException("model '" + id + "' is not in this run's config"));
  }

  public StudyModel studyModel() {
    return StudyModel.forInstruments(instruments);
  }

  /** The analysis columns: every item id of the blocks the sessions ask. */
  public List<String> itemIds() {
    return instruments.itemIds();
  }

  public String cacheDirectory() {
    return output + "/cache";
  }
}
