package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.fail;

import io.vaar.schemas.ItemResponse;
import io.vaar.transforms.analysis.SimulatedHumans;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a reader sees it: a small audit through the command line, its archive with
 * {@code <script>} and an {@code <img onerror>} planted in one model answer of the session the
 * report samples first, a replay of that archive, and the replay's report.html loaded in headless
 * Chromium (Debian's {@code chromium}). The DOM Chromium builds must hold the summary table, the
 * three SVG charts and the planted markup as text — and no script or image element. A missing
 * Chromium fails the test: a report nobody rendered is not tested. The screenshot is kept in
 * {@code target/chromium/report.png} for a person to look at.
 */
class ReportInChromiumIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMAGE = "\"><img src=x onerror=alert(2)>";

  @TempDir
  static Path work;
  static String dom;
  static String humanDom;

  @BeforeAll
  static void renderAReplayedAuditInChromium() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: the report test renders report.html in Debian's chromium; "
          + "install it with `apt-get install -y chromium` (.ci/run does)");
    }
    Path run = work.resolve("audit");
    CliRun audit = CliRun.of(AuditRunTest.NO_FIT, "audit", "--config",
        AuditRunTest.config().toString(), "--output", run.toString());
    assertThat(audit.err(), audit.exitCode(), equalTo(0));
    Path planted = work.resolve("planted");
    plantMarkup(run.resolve("responses"), planted.resolve("responses"));
    Path replay = work.resolve("replay");
    CliRun replayed = CliRun.of(AuditRunTest.NO_FIT, "replay", "--input", planted.toString(),
        "--output", replay.toString(), "--config", AuditRunTest.config().toString());
    assertThat(replayed.err(), replayed.exitCode(), equalTo(0));
    Path shots = Files.createDirectories(Path.of("target", "chromium"));
    Files.copy(replay.resolve(ReportPage.FILE), shots.resolve(ReportPage.FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String url = replay.resolve(ReportPage.FILE).toUri().toString();
    dom = chromium(List.of("--dump-dom", url));
    chromium(List.of("--window-size=1100,5000",
        "--screenshot=" + shots.resolve("report.png").toAbsolutePath(), url));

    // the same archive against a human reference group: its paths are shown beside the models'
    Path humans = Files.writeString(work.resolve("humans.csv"),
        SimulatedHumans.csv(SimulatedHumans.ALIGNED, 400, 1));
    Path humanConfig = Files.writeString(work.resolve("with-humans.yaml"),
        Files.readString(AuditRunTest.config()) + "human_reference: " + humans + "\n");
    Path humanReplay = work.resolve("human-replay");
    CliRun withHumans = CliRun.of(AuditRunTest.NO_FIT, "replay", "--input", planted.toString(),
        "--output", humanReplay.toString(), "--config", humanConfig.toString());
    assertThat(withHumans.err(), withHumans.exitCode(), equalTo(0));
    humanDom = chromium(List.of("--dump-dom",
        humanReplay.resolve(ReportPage.FILE).toUri().toString()));
  }

  @Test
  void theSummaryTableIsOnThePage() {
    assertThat(dom, containsString("<h2>VAAR by model</h2><table>"));
    assertThat(dom, containsString("<h2>Measurement invariance</h2>"));
    assertThat(dom, containsString("<h2>Model fit</h2>"));
    assertThat(dom, containsString("sim-aligned <span class=\"sim\">(simulated)</span>"));
  }

  @Test
  void theThreeChartsAreInlineSvg() {
    assertThat(count(dom, "<svg"), equalTo(3));
    for (String id : List.of("forest-plot", "profile-chart", "path-diagram")) {
      assertThat(dom, containsString("id=\"" + id + "\""));
    }
  }

  @Test
  void thePlantedMarkupIsTextAndNeverAnElement() {
    assertThat(dom, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertThat(dom, containsString("\"&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assertThat(dom, not(containsString("<script")));
    assertThat(dom, not(containsString("<img")));
  }

  @Test
  void theSampleShowsEveryReplyOfThePlantedItem() {
    assertThat(dom, containsString("Sample of raw answers"));
    assertThat(count(dom, "<strong>sim-aligned</strong> — session"),
        equalTo(io.vaar.transforms.audit.ModelAccumulator.SAMPLED_SESSIONS));
  }

  @Test
  void withoutHumanDataTheLiteraturesSignsAreCited() {
    assertThat(dom, containsString("<h2>Expected signs</h2>"));
    assertThat(dom, containsString("Baruh, Secinti &amp; Cemalcilar 2017"));
    assertThat(dom, not(containsString("<h2>Human reference</h2>")));
  }

  @Test
  void aHumanReferenceIsShownBesideTheModels() {
    assertThat(humanDom, containsString("<h2>Human reference</h2>"));
    assertThat(humanDom, containsString(">human reference</text>"));
    assertThat(humanDom, containsString("<td>human-reference</td>"));
    assertThat(humanDom, not(containsString("Baruh")));
    assertThat(count(humanDom, "<svg"), equalTo(3));
    assertThat(humanDom, not(containsString("<script")));
    assertThat(humanDom, not(containsString("<img")));
  }

  /**
   * Copies the archive with both replies of one item of the first session (by id) of
   * sim-aligned replaced by markup: that session is in the report's sample.
   */
  static void plantMarkup(Path from, Path to) throws IOException {
    List<ItemResponse> responses = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(from, "*.avro")) {
      for (Path file : files) {
        try (DataFileReader<ItemResponse> reader = new DataFileReader<>(file.toFile(),
            new SpecificDatumReader<>(ItemResponse.class))) {
          reader.forEach(responses::add);
        }
      }
    }
    ItemResponse target = responses.stream()
        .filter(response -> response.getModelId().equals("sim-aligned"))
        .min(Comparator.comparing((ItemResponse r) -> r.getSessionId())
            .thenComparing(ItemResponse::getPosition)).orElseThrow();
    target.setReplies(List.of(SCRIPT, IMAGE + " " + target.getRawText()));
    Files.createDirectories(to);
    try (DataFileWriter<ItemResponse> writer = new DataFileWriter<>(
        new SpecificDatumWriter<>(ItemResponse.class))) {
      writer.create(ItemResponse.getClassSchema(), to.resolve("planted.avro").toFile());
      for (ItemResponse response : responses) {
        writer.append(response);
      }
    }
  }

  /** Runs headless Chromium as this machine allows it: no sandbox (root), no network chatter. */
  static String chromium(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile")));
    command.addAll(arguments);
    File log = work.resolve("chromium.log").toFile();
    Path out = Files.createTempFile(work, "chromium", ".out");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish in 120 s: " + command);
    }
    assertThat("chromium failed, see " + log, process.exitValue(), equalTo(0));
    return Files.readString(out);
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
