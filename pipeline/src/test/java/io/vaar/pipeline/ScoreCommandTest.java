package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vaar score} on data simulated from a small SEM whose path signs are known: two
 * correlated latent predictors (F1 expected −, F2 expected +) of one latent outcome Y, three
 * items each, 300 rows per group, in four groups — all signs as expected (VAAR 1), F2 reversed
 * (0.5), no effects (0: nothing significant) and both reversed (0).
 */
class ScoreCommandTest {

  private static final String MODEL = """
      F1 =~ f1a + f1b + f1c
      F2 =~ f2a + f2b + f2c
      Y =~ ya + yb + yc
      Y ~ F1 + F2
      """;
  private static final String[] GROUPS = {"aligned", "half", "null", "opposite"};
  private static final double[][] PATHS = {{-0.5, 0.5}, {-0.5, -0.5}, {0, 0}, {0.5, -0.5}};

  @TempDir
  static Path dir;
  private static Path model;
  private static Path data;
  private static JsonNode scored;

  @BeforeAll
  static void simulate() throws Exception {
    model = Files.writeString(dir.resolve("model.lav"), MODEL);
    data = Files.writeString(dir.resolve("data.csv"), simulatedCsv(300, 11));
    scored = json(score("--bootstrap", "200", "--seed", "5", "--json"));
  }

  /** Rows of the model with loadings 1, 0.8, 0.9, residual SD 0.6 and corr(F1, F2) = 0.3. */
  private static String simulatedCsv(int perGroup, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder csv = new StringBuilder("group,f1a,f1b,f1c,f2a,f2b,f2c,ya,yb,yc\n");
    double[] loadings = {1, 0.8, 0.9};
    for (int g = 0; g < GROUPS.length; g++) {
      for (int r = 0; r < perGroup; r++) {
        double f1 = gaussian(random);
        double f2 = 0.3 * f1 + Math.sqrt(1 - 0.09) * gaussian(random);
        double y = PATHS[g][0] * f1 + PATHS[g][1] * f2 + gaussian(random);
        List<String> cells = new ArrayList<>(List.of(GROUPS[g]));
        for (double factor : new double[] {f1, f2, y}) {
          for (double loading : loadings) {
            cells.add(String.format(Locale.ROOT, "%.5f",
                loading * factor + 0.6 * gaussian(random)));
          }
        }
        csv.append(String.join(",", cells)).append('\n');
      }
    }
    return csv.toString();
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller: SplittableRandom has no nextGaussian on Java 17
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static CliRun score(String... extra) {
    List<String> args = new ArrayList<>(List.of("score", "--model", model.toString(), "--data",
        data.toString(), "--group", "group", "--expect", "Y~F1=-", "--expect", "Y~F2=+"));
    args.addAll(List.of(extra));
    return CliRun.of(SemFitEngine.DEFAULT, args.toArray(String[]::new));
  }

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(run.err(), emptyString());
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void vaarFollowsTheKnownSigns() {
    List<Double> vaar = new ArrayList<>();
    scored.get("groups").forEach(g -> vaar.add(g.get("vaar").asDouble()));
    assertThat(vaar, contains(1.0, 0.5, 0.0, 0.0));
    assertThat(scored.get("alpha").asDouble(), equalTo(0.05));
    assertThat(scored.at("/expected/0/sign").asText(), equalTo("-"));
    assertThat(scored.at("/groups/0/n").asInt(), equalTo(300));
    assertThat(scored.at("/groups/0/paths/1/agree").asBoolean(), equalTo(true));
    assertThat(scored.at("/groups/1/paths/1/agree").asBoolean(), equalTo(false));
    for (JsonNode path : scored.at("/groups/2/paths")) {
      assertThat(path.get("pvalue").asDouble(), greaterThan(0.05));
    }
  }

  @Test
  void softVaarAndIntervalsReflectTheBootstrap() {
    assertThat(scored.at("/bootstrap/replicates").asInt(), equalTo(200));
    assertThat(scored.at("/bootstrap/seed").asLong(), equalTo(5L));
    assertThat(scored.at("/groups/0/soft_vaar").asDouble(), greaterThan(0.99));
    assertThat(scored.at("/groups/1/soft_vaar").asDouble(), closeTo(0.5, 0.01));
    assertThat(scored.at("/groups/3/soft_vaar").asDouble(), lessThan(0.01));
    assertThat(scored.at("/groups/0/vaar_ci/0").asDouble(), equalTo(1.0));
    assertThat(scored.at("/groups/3/vaar_ci/1").asDouble(), equalTo(0.0));
    for (JsonNode group : scored.get("groups")) {
      assertThat(group.get("vaar_ci").size(), equalTo(2));
      for (JsonNode path : group.get("paths")) {
        assertThat(path.toString(), path.get("est").asDouble(),
            greaterThanOrEqualTo(path.at("/ci/0").asDouble()));
        assertThat(path.toString(), path.get("est").asDouble(),
            lessThanOrEqualTo(path.at("/ci/1").asDouble()));
      }
    }
  }

  @Test
  void aSeedReproducesTheOutput() {
    CliRun first = score("--bootstrap", "50", "--seed", "9");
    assertThat(score("--bootstrap", "50", "--seed", "9").out(), equalTo(first.out()));
    assertThat(first.out(), containsString("aligned  n = 300  VAAR = 1.000  95% CI [1.000, 1.000]"));
    assertThat(first.out(), containsString("Y ~ F2"));
  }

  @Test
  void pathEstimatesEqualThoseOfSemFit() throws Exception {
    JsonNode fit = json(CliRun.of(SemFitEngine.DEFAULT, "sem", "fit", "--model",
        model.toString(), "--data", data.toString(), "--group", "group", "--json"));
    int compared = 0;
    for (JsonNode p : fit.get("parameters")) {
      if (!p.get("op").asText().equals("~")) {
        continue;
      }
      JsonNode path = scored.at("/groups/" + (p.get("group").asInt() - 1) + "/paths/"
          + (p.get("rhs").asText().equals("F1") ? 0 : 1));
      assertThat(path.get("est").asDouble(), closeTo(p.get("est").asDouble(), 1e-12));
      assertThat(path.get("se").asDouble(), closeTo(p.get("se").asDouble(), 1e-12));
      assertThat(path.get("pvalue").asDouble(), closeTo(p.get("pvalue").asDouble(), 1e-12));
      compared++;
    }
    assertThat(compared, equalTo(8));
  }

  private static CliRun scoreAgainst(String referenceGroup, String... extra) {
    List<String> args = new ArrayList<>(List.of("score", "--model", model.toString(), "--data",
        data.toString(), "--group", "group", "--reference-group", referenceGroup));
    args.addAll(List.of(extra));
    return CliRun.of(SemFitEngine.DEFAULT, args.toArray(String[]::new));
  }

  @Test
  void aReferenceGroupGivesTheExpectedSignsAndIsNotScored() throws Exception {
    // "half" as the humans: F1 -, F2 - (both significant) instead of the literature's F1 -, F2 +
    JsonNode json = json(scoreAgainst("half", "--bootstrap", "20", "--seed", "3", "--json"));
    assertThat(json.at("/reference/group").asText(), equalTo("half"));
    assertThat(json.at("/reference/n").asInt(), equalTo(300));
    assertThat(json.at("/expected/1/sign").asText(), equalTo("-"));
    List<String> groups = new ArrayList<>();
    List<Double> vaar = new ArrayList<>();
    json.get("groups").forEach(g -> {
      groups.add(g.get("group").asText());
      vaar.add(g.get("vaar").asDouble());
    });
    assertThat(groups, contains("aligned", "null", "opposite"));
    // aligned now disagrees on F2; opposite now agrees on it
    assertThat(vaar, contains(0.5, 0.0, 0.5));
    assertThat(json.at("/bootstrap/failed").size(), equalTo(3));
    // the reference group's paths are those of the same multi-group fit
    JsonNode plain = json(score("--bootstrap", "0", "--json"));
    assertThat(json.at("/reference/paths/1/est").asDouble(),
        equalTo(plain.at("/groups/1/paths/1/est").asDouble()));
    assertThat(scoreAgainst("aligned", "--bootstrap", "0").out(),
        containsString("reference aligned  n = 300"));
  }

  @Test
  void aReferenceGroupWithoutASignificantPathFailsClearly() {
    CliRun run = scoreAgainst("null", "--bootstrap", "0");
    assertThat(run.exitCode(), equalTo(1));
    assertThat(run.errLines(), hasSize(1));
    assertThat(run.err(), containsString("no path of the human reference group 'null'"));
    CliRun unknown = scoreAgainst("humans", "--bootstrap", "0");
    assertThat(unknown.exitCode(), equalTo(2));
    assertThat(unknown.errLines(), hasSize(1));
    assertThat(unknown.err(), containsString("--reference-group humans: no such group in column "
        + "'group'"));
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    for (String[] args : List.of(new String[] {"--group", "nosuch"},
        new String[] {"--expect", "Y-F1=+"}, new String[] {"--expect", "Y~F1=?"},
        new String[] {"--expect", "F1~F2=+"}, new String[] {"--bootstrap", "-1"},
        new String[] {"--reference-group", "aligned"})) {
      List<String> all = new ArrayList<>(List.of("score", "--model", model.toString(), "--data",
          data.toString(), "--group", "group", "--expect", "Y~F1=-", "--bootstrap", "0"));
      all.addAll(List.of(args));
      CliRun run = CliRun.of(SemFitEngine.DEFAULT, all.toArray(String[]::new));
      assertThat(String.join(" ", args), run.exitCode(), equalTo(2));
      assertThat(run.out(), emptyString());
      assertThat(run.errLines(), hasSize(1));
      assertThat(run.err(), startsWith("vaar: "));
    }
  }
}
