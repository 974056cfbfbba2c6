package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.vaar.pipeline.options.AuditTemplateOptions;
import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Validation;
import org.junit.jupiter.api.Test;

/**
 * The Dataflow Flex Template's files agree with the code they launch: every parameter of
 * {@code metadata.json} is an option of {@link AuditTemplateOptions}, exactly the required
 * options are not optional, each parameter's regexes accept a good value and refuse a bad one;
 * the Dockerfile's main class exists and has {@code main}, and its classpath is where it copies
 * the jar the build makes; the scripts parse and refuse a missing setting in one line. Nothing
 * here reaches Google Cloud: launching the template is what this machine cannot check.
 */
class FlexTemplateTest {

  private static final Path DEPLOY = Path.of("../deploy/dataflow");
  private static final Pattern ENV = Pattern.compile("(?m)^ENV\\s+(\\w+)=\"?([^\"\\s]+)\"?\\s*$");
  private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)\\s*$");

  /** A value each parameter must accept, and one it must refuse. */
  private static final Map<String, List<String>> GOOD_AND_BAD = Map.of(
      "config", List.of("gs://my-bucket/audits/weekly.yaml", "audits/weekly.yaml"),
      "output", List.of("gs://my-bucket/runs/weekly-48", "runs/weekly-48"),
      "archiveShards", List.of("8", "0"),
      "runId", List.of("weekly-2026-48", "-weekly 48"));

  private static JsonNode metadata() throws IOException {
    return AuditRunTest.JSON.readTree(DEPLOY.resolve("metadata.json").toFile());
  }

  private static Set<String> templateOptions() throws Exception {
    Set<String> names = new TreeSet<>();
    for (Method getter : AuditTemplateOptions.class.getMethods()) {
      String name = getter.getName();
      if (getter.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3) {
        names.add(Introspector.decapitalize(name.substring(3)));
      }
    }
    return names;
  }

  /** The options a launch must give: required, and without a default (unlike --runner). */
  private static Set<String> requiredOptions() {
    Set<String> names = new TreeSet<>();
    for (Method getter : AuditTemplateOptions.class.getMethods()) {
      boolean hasDefault = Arrays.stream(getter.getAnnotations())
          .anyMatch(annotation -> annotation.annotationType().getEnclosingClass() == Default.class);
      if (getter.isAnnotationPresent(Validation.Required.class) && !hasDefault) {
        names.add(Introspector.decapitalize(getter.getName().substring(3)));
      }
    }
    return names;
  }

  @Test
  void everyParameterIsAnOptionOfTheTemplateAndOnlyTheRequiredOnesAreMandatory()
      throws Exception {
    JsonNode metadata = metadata();
    assertThat(metadata.path("name").asText(), not(equalTo("")));
    assertThat(metadata.path("description").asText(), not(equalTo("")));
    Set<String> options = templateOptions();
    Set<String> mandatory = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode parameter : metadata.get("parameters")) {
      String name = parameter.get("name").asText();
      assertThat("parameter named once: " + name, seen.add(name), equalTo(true));
      assertThat(options, hasItem(name));
      assertThat(name, parameter.path("label").asText(), not(equalTo("")));
      assertThat(name, parameter.path("helpText").asText(), not(equalTo("")));
      assertThat(name, parameter.path("isOptional").isBoolean(), equalTo(true));
      if (!parameter.get("isOptional").asBoolean()) {
        mandatory.add(name);
      }
    }
    assertThat(mandatory, equalTo(requiredOptions()));
    assertThat(mandatory, equalTo(Set.of("config")));
  }

  @Test
  void eachParameterRegexAcceptsAGoodValueAndRefusesABadOne() throws IOException {
    for (JsonNode parameter : metadata().get("parameters")) {
      String name = parameter.get("name").asText();
      assertThat(GOOD_AND_BAD, hasKey(name));
      assertThat(name + " has regexes", parameter.path("regexes").size() > 0, equalTo(true));
      for (JsonNode regex : parameter.get("regexes")) {
        Pattern pattern = Pattern.compile(regex.asText());
        assertThat(name + " accepts", pattern.matcher(GOOD_AND_BAD.get(name).get(0)).matches(),
            equalTo(true));
        assertThat(name + " refuses", pattern.matcher(GOOD_AND_BAD.get(name).get(1)).matches(),
            equalTo(false));
      }
    }
  }

  @Test
  void theDockerfileLaunchesAnExistingMainFromTheJarItCopies() throws Exception {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8);
    assertThat(dockerfile, containsString(
        "FROM gcr.io/dataflow-templates-base/java17-template-launcher-base"));
    Map<String, String> env = new HashMap<>();
    Matcher matcher = ENV.matcher(dockerfile);
    while (matcher.find()) {
      env.put(matcher.group(1), matcher.group(2));
    }
    Method main = Class.forName(env.get("FLEX_TEMPLATE_JAVA_MAIN_CLASS"))
        .getMethod("main", String[].class);
    assertThat(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()),
        equalTo(true));
    Matcher copy = COPY.matcher(dockerfile);
    assertThat(copy.find(), equalTo(true));
    assertThat("the jar the shade plugin builds", copy.group(1),
        equalTo("pipeline/target/vaar.jar"));
    assertThat(env.get("FLEX_TEMPLATE_JAVA_CLASSPATH"), equalTo(copy.group(2)));
  }

  @Test
  void theScriptsParseAndRefuseAMissingSettingInOneLine() throws Exception {
    for (String script : List.of("build-template.sh", "run-template.sh", "common.sh")) {
      assertThat(script, bash("-n", DEPLOY.resolve(script).toString()).exitCode(), equalTo(0));
    }
    CliRun help = bash(DEPLOY.resolve("run-template.sh").toString(), "--help");
    assertThat(help.exitCode(), equalTo(0));
    assertThat(help.out(), containsString("--max-workers"));
    CliRun missing = bash(DEPLOY.resolve("run-template.sh").toString(), "--config",
        "gs://b/audit.yaml");
    assertThat(missing.exitCode(), equalTo(2));
    assertThat(missing.errLines(), equalTo(List.of(
        "run-template.sh: missing --project: give --project VALUE or export VAAR_GCP_PROJECT")));
  }

  @Test
  void theRunScriptPassesTheTemplateParametersAndWorkerSettingsToGcloud() throws Exception {
    CliRun dryRun = bash(DEPLOY.resolve("run-template.sh").toString(), "--dry-run",
        "--project", "p", "--region", "europe-west1", "--bucket", "bkt", "--config",
        "gs://bkt/a.yaml", "--output=gs://bkt/runs/x", "--run-id", "weekly-2026-48",
        "--max-workers", "8", "--job-name", "vaar-test");
    assertThat(dryRun.err(), dryRun.exitCode(), equalTo(0));
    assertThat(dryRun.out(), startsWith("gcloud dataflow flex-template run vaar-test "));
    for (String flag : List.of("--region=europe-west1",
        "--template-file-gcs-location=gs://bkt/templates/vaar-audit.json",
        "--temp-location=gs://bkt/temp", "--max-workers=8",
        "--worker-machine-type=n2-standard-4",
        "--parameters=config=gs://bkt/a.yaml,runId=weekly-2026-48,output=gs://bkt/runs/x")) {
      assertThat(dryRun.out(), containsString(flag));
    }
  }

  /** Runs bash with no VAAR_ variables in its environment. */
  private static CliRun bash(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash"));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("VAAR_"));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS), equalTo(true));
    return new CliRun(process.exitValue(), out, err);
  }
}
