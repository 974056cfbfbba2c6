package io.vaar.transforms.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.sem.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunConfigTest {

  private static RunConfig parse(String yaml) {
    return RunConfig.parse("test.yaml", yaml, name -> null);
  }

  @Test
  void theDemoIsThreeSimulatedModelsWithTwoHundredPersonas() {
    RunConfig demo = RunConfig.demo();
    assertThat(demo.run().id(), equalTo("demo"));
    assertThat(demo.run().personas(), equalTo(200));
    assertThat(demo.run().output(), equalTo("runs/demo"));
    assertThat(demo.models().models().stream().map(ModelSpec::id).toList(),
        contains("sim-aligned", "sim-inverted", "sim-indifferent"));
    assertThat(demo.instruments(), equalTo("builtin"));
    assertThat(demo.humanReference(), nullValue());
  }

  @Test
  void leftOutSettingsTakeTheMethodsDefaults() {
    RunConfig config = parse("""
        run: {id: weekly}
        models: [{id: s, provider: simulated, profile: inverted}]
        """);
    RunSettings run = config.run();
    assertThat(run.seed(), equalTo(42L));
    assertThat(run.replicates(), equalTo(1));
    assertThat(run.output(), equalTo("runs/weekly"));
    assertThat(run.protocol().historyTurns(), equalTo(12));
    assertThat(run.protocol().blockOrder(),
        contains("privacy", "prosocialness", "data_sharing"));
    assertThat(run.analysis().estimator(), equalTo(FitOptions.Estimator.MLR));
    assertThat(run.analysis().missing(), equalTo(FitOptions.Missing.FIML));
    assertThat(run.analysis().alpha(), equalTo(0.05));
    assertThat(config.withOutput("elsewhere").run().output(), equalTo("elsewhere"));
  }

  @Test
  void anotherRunIdMovesADefaultOutputButKeepsAChosenOne() {
    RunConfig byDefault = parse("""
        run: {id: weekly, seed: 7}
        models: [{id: s, provider: simulated, profile: aligned}]
        """).withRunId("weekly-2026-48");
    assertThat(byDefault.run().id(), equalTo("weekly-2026-48"));
    assertThat(byDefault.run().output(), equalTo("runs/weekly-2026-48"));
    assertThat(byDefault.run().seed(), equalTo(7L));
    RunConfig chosen = parse("""
        run: {id: weekly, output: /data/runs/current}
        models: [{id: s, provider: simulated, profile: aligned}]
        """).withRunId("weekly-2026-48");
    assertThat(chosen.run().id(), equalTo("weekly-2026-48"));
    assertThat(chosen.run().output(), equalTo("/data/runs/current"));
  }

  @Test
  void aRunIdFromTheCommandLineFollowsTheConfigsRule() {
    RunConfig config = parse("""
        run: {id: weekly}
        models: [{id: s, provider: simulated, profile: aligned}]
        """);
    ConfigException e = assertThrows(ConfigException.class,
        () -> config.withRunId("weekly 2026/48"));
    assertThat(e.getMessage(), containsString("run id 'weekly 2026/48' may use only letters"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown top key|run: {id: a}\\nmodel: []|unknown key 'model' — did you mean 'models'?",
      "no run section|models: [{id: s, provider: simulated, profile: aligned}]|missing 'run:'",
      "no run id|run: {seed: 1}\\nmodels: [{id: s, provider: simulated, profile: aligned}]|missing 'id'",
      "bad run id|run: {id: 'a b'}\\nmodels: [{id: s, provider: simulated, profile: aligned}]|may use only letters",
      "both persona sources|run: {id: a, personas: 5, personas_file: p.jsonl}\\nmodels: [{id: s, provider: simulated, profile: aligned}]|not both",
      "negative personas|run: {id: a, personas: -5}\\nmodels: [{id: s, provider: simulated, profile: aligned}]|'personas' must be a positive whole number",
      "bad estimator|run: {id: a, estimator: WLS}\\nmodels: [{id: s, provider: simulated, profile: aligned}]|'estimator' must be MLR",
      "bad missing|run: {id: a, missing: pairwise}\\nmodels: [{id: s, provider: simulated, profile: aligned}]|'missing' must be fiml",
      "alpha out of range|run: {id: a, alpha: 2}\\nmodels: [{id: s, provider: simulated, profile: aligned}]|'alpha' must be between",
      "block order not a list|run: {id: a, block_order: privacy}\\nmodels: [{id: s, provider: simulated, profile: aligned}]|'block_order' must be a non-empty list",
      "no models|run: {id: a}|'models:' must be a non-empty list",
      "not YAML|run: [unclosed|not valid YAML"})
  void eachMistakeIsOneLineNamingTheKey(String name, String yaml, String expected) {
    ConfigException error = assertThrows(ConfigException.class,
        () -> parse(yaml.replace("\\n", "\n")));
    assertThat(error.getMessage(), containsString("test.yaml"));
    assertThat(error.getMessage(), containsString(expected));
    assertThat(error.getMessage(), not(containsString("\n")));
  }
}
