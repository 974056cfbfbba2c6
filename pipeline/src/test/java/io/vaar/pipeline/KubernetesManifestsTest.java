package io.vaar.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vaar.pipeline.options.PipelineArguments;
import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.config.RunConfig;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The Kubernetes manifests of {@code deploy/k8s} (scheduled audits, and large runs on the Flink
 * Kubernetes Operator) checked for what a user would run into, since no cluster is at hand to
 * apply them: every document is a named object and belongs to a kustomization; the CronJob's
 * schedule and limits; the FlinkDeployment's application; one image everywhere; keys only from
 * the Secret of {@code secret.example.yaml} and nowhere else; volumes that exist; the audit
 * configs read by the real {@link RunConfig} parser with exactly the variables the pods provide;
 * and every vaar command the pods run parsed by the real command line, so a misspelt option or a
 * run id vaar would refuse fails here and not in next Monday's job.
 */
class KubernetesManifestsTest {

  private static final Path K8S = Path.of("..", "deploy", "k8s");
  private static final Path DOCKERFILE = Path.of("..", "deploy", "container", "Dockerfile");
  private static final String SECRET_EXAMPLE = "secret.example.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Every file of deploy/k8s by its path relative to deploy/k8s, with its documents. */
  private static final Map<String, List<JsonNode>> FILES = new LinkedHashMap<>();
  /** The Kubernetes objects: every document except kustomize's own files. */
  private static final List<JsonNode> OBJECTS = new ArrayList<>();
  /** kustomization.yaml files by their directory relative to deploy/k8s ("" for the root). */
  private static final Map<String, JsonNode> KUSTOMIZATIONS = new LinkedHashMap<>();
  private static JsonNode secretExample;

  @BeforeAll
  static void readEveryManifest() throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(K8S)) {
      paths = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
    }
    assertThat("no manifests under " + K8S.toAbsolutePath(), paths, not(empty()));
    Set<String> kustomizeConfigs = new LinkedHashSet<>();
    for (Path path : paths) {
      String name = K8S.relativize(path).toString().replace('\\', '/');
      List<JsonNode> documents = new ArrayList<>();
      try (var values = YAML.readerFor(JsonNode.class)
          .<JsonNode>readValues(Files.readString(path, StandardCharsets.UTF_8))) {
        while (values.hasNext()) {
          JsonNode document = values.next();
          if (document != null && !document.isNull() && !document.isMissingNode()) {
            documents.add(document);
          }
        }
      }
      FILES.put(name, documents);
      if (path.getFileName().toString().equals("kustomization.yaml")) {
        String directory = parentOf(name);
        KUSTOMIZATIONS.put(directory, documents.get(0));
        for (JsonNode configuration : documents.get(0).path("configurations")) {
          kustomizeConfigs.add(join(directory, configuration.asText()));
        }
      }
    }
    for (Map.Entry<String, List<JsonNode>> file : FILES.entrySet()) {
      String name = file.getKey();
      if (!name.endsWith("kustomization.yaml") && !kustomizeConfigs.contains(name)) {
        OBJECTS.addAll(file.getValue());
      }
    }
    List<JsonNode> example = FILES.get(SECRET_EXAMPLE);
    assertThat(SECRET_EXAMPLE + " is missing from deploy/k8s", example, notNullValue());
    secretExample = example.get(0);
  }

  // ---------------------------------------------------------------- every document

  @Test
  void everyDocumentIsANamedKubernetesObject() {
    for (JsonNode object : OBJECTS) {
      String what = object.path("kind").asText("?") + " " + object.path("metadata").path("name");
      assertThat(what + ": apiVersion", object.path("apiVersion").asText(""), not(""));
      assertThat(what + ": kind", object.path("kind").asText(""), not(""));
      assertThat(what + ": metadata.name", object.path("metadata").path("name").asText(""),
          not(""));
    }
  }

  @Test
  void everyManifestBelongsToAKustomizationButTheSecretExampleNever() {
    Set<String> listed = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> kustomization : KUSTOMIZATIONS.entrySet()) {
      for (JsonNode resource : kustomization.getValue().path("resources")) {
        String file = join(kustomization.getKey(), resource.asText());
        assertTrue(FILES.containsKey(file), "kustomization in '" + kustomization.getKey()
            + "' lists " + resource.asText() + ", which is not a file of deploy/k8s");
        assertTrue(listed.add(file), file + " is listed by two kustomizations");
      }
      for (JsonNode component : kustomization.getValue().path("components")) {
        String file = join(join(kustomization.getKey(), component.asText()), "kustomization.yaml");
        assertTrue(FILES.containsKey(file), "component " + component.asText() + " not found");
      }
    }
    for (Map.Entry<String, List<JsonNode>> file : FILES.entrySet()) {
      boolean objects = file.getValue().stream().anyMatch(OBJECTS::contains);
      if (file.getKey().equals(SECRET_EXAMPLE)) {
        assertThat("the example Secret must never be applied", listed, not(hasItem(SECRET_EXAMPLE)));
      } else if (objects) {
        assertThat(file.getKey() + " is in no kustomization: kubectl apply -k would skip it",
            listed, hasItem(file.getKey()));
      }
    }
  }

  // ---------------------------------------------------------------- per kind

  @Test
  void theCronJobRunsOnAValidScheduleOneAtATimeWithinLimits() {
    List<JsonNode> cronJobs = objectsOfKind("CronJob");
    assertThat(cronJobs, not(empty()));
    for (JsonNode cronJob : cronJobs) {
      JsonNode spec = cronJob.path("spec");
      assertThat(cronJob.path("apiVersion").asText(), equalTo("batch/v1"));
      assertValidCron(spec.path("schedule").asText(""));
      assertThat(spec.path("concurrencyPolicy").asText(), equalTo("Forbid"));
      assertThat(spec.path("startingDeadlineSeconds").asInt(0), greaterThan(0));
      assertThat(spec.path("successfulJobsHistoryLimit").isInt(), is(true));
      assertThat(spec.path("failedJobsHistoryLimit").isInt(), is(true));
      JsonNode job = spec.path("jobTemplate").path("spec");
      assertThat(job.path("activeDeadlineSeconds").asInt(0), greaterThan(0));
      JsonNode pod = job.path("template").path("spec");
      String restart = pod.path("restartPolicy").asText("");
      assertThat(restart, anyOf(equalTo("Never"), equalTo("OnFailure")));
      if (job.has("podFailurePolicy")) {
        assertThat("podFailurePolicy needs restartPolicy: Never", restart, equalTo("Never"));
        for (JsonNode rule : job.path("podFailurePolicy").path("rules")) {
          JsonNode codes = rule.path("onExitCodes");
          if (!codes.isMissingNode()) {
            assertThat(codes.path("containerName").asText(), in(containerNames(pod)));
          }
        }
      }
      for (JsonNode container : pod.path("containers")) {
        JsonNode resources = container.path("resources");
        for (String section : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            assertThat(container.path("name") + " resources." + section + "." + resource,
                resources.path(section).path(resource).asText(""), not(""));
          }
        }
      }
    }
  }

  @Test
  void theFlinkDeploymentIsAnApplicationOfTheVaarJarOnFlink119() throws Exception {
    List<JsonNode> deployments = objectsOfKind("FlinkDeployment");
    assertThat(deployments, not(empty()));
    String jar = jarInImage();
    for (JsonNode deployment : deployments) {
      assertThat(deployment.path("apiVersion").asText(), equalTo("flink.apache.org/v1beta1"));
      JsonNode spec = deployment.path("spec");
      assertThat(spec.path("flinkVersion").asText(), equalTo("v1_19"));
      assertThat(spec.path("image").asText(""), not(""));
      JsonNode job = spec.path("job");
      assertThat(job.path("jarURI").asText(), equalTo("local://" + jar));
      String entryClass = job.path("entryClass").asText("");
      Class<?> entry = Class.forName(entryClass);
      Method main = entry.getMethod("main", String[].class);
      assertTrue(Modifier.isStatic(main.getModifiers()), entryClass + ".main is not static");
      // VaarCli.main ends in System.exit: in an application cluster that is the JobManager's JVM.
      assertThat(entryClass, not(equalTo(VaarCli.class.getName())));
      assertThat(job.path("upgradeMode").asText(), equalTo("stateless"));
      int slots = Integer.parseInt(spec.path("flinkConfiguration")
          .path("taskmanager.numberOfTaskSlots").asText("0"));
      assertThat(slots, greaterThan(0));
      assertThat(job.path("parallelism").asInt(0), greaterThan(0));
      assertThat("vaar reads the run's outcome after execute(): the job must run attached",
          spec.path("flinkConfiguration").path("execution.attached").asText(), equalTo("true"));
      for (String role : List.of("jobManager", "taskManager")) {
        assertThat(role + " memory", spec.path(role).path("resource").path("memory").asText(""),
            not(""));
        assertThat(role + " cpu", spec.path(role).path("resource").path("cpu").isNumber(),
            is(true));
      }
      String account = spec.path("serviceAccount").asText("");
      assertThat("service account " + account + " is not defined in deploy/k8s", account,
          in(namesOfKind("ServiceAccount")));
    }
  }

  // ---------------------------------------------------------------- across manifests

  @Test
  void oneImageIsUsedEverywhereAndNamedOnceInTheKustomization() {
    Set<String> images = new LinkedHashSet<>();
    for (JsonNode object : OBJECTS) {
      if (object.path("kind").asText().equals("FlinkDeployment")) {
        images.add(object.path("spec").path("image").asText());
      }
      for (JsonNode pod : podSpecs(object)) {
        for (JsonNode container : pod.path("containers")) {
          if (container.has("image")) {
            images.add(container.path("image").asText());
          }
        }
      }
    }
    List<JsonNode> imageEntries = new ArrayList<>();
    Set<String> namespaces = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> kustomization : KUSTOMIZATIONS.entrySet()) {
      kustomization.getValue().path("images").forEach(imageEntries::add);
      if (kustomization.getValue().has("namespace")) {
        namespaces.add(kustomization.getValue().path("namespace").asText());
      }
      if (kustomization.getValue().path("kind").asText().equals("Kustomization")) {
        List<String> components = new ArrayList<>();
        kustomization.getValue().path("components").forEach(c -> components.add(
            join(kustomization.getKey(), c.asText())));
        List<String> withImages = KUSTOMIZATIONS.entrySet().stream()
            .filter(k -> k.getValue().has("images")).map(Map.Entry::getKey).toList();
        assertThat("kustomization in '" + kustomization.getKey() + "' must take the image from"
            + " the one place that names it", components, hasItem(in(withImages)));
      }
    }
    assertThat("the image is named in exactly one kustomization entry", imageEntries.size(),
        equalTo(1));
    assertThat(images, equalTo(Set.of(imageEntries.get(0).path("name").asText())));
    assertThat(imageEntries.get(0).path("newName").asText(""), not(""));
    assertThat(namespaces.size(), equalTo(1));
    assertThat(secretExample.path("metadata").path("namespace").asText(),
        equalTo(namespaces.iterator().next()));
  }

  @Test
  void keysComeOnlyFromTheExampleSecretsNameAndKeys() {
    assertThat(secretExample.path("kind").asText(), equalTo("Secret"));
    String secretName = secretExample.path("metadata").path("name").asText();
    Set<String> keys = secretKeys();
    assertThat(keys, not(empty()));
    int references = 0;
    for (JsonNode object : OBJECTS) {
      if (object == secretExample) {
        continue;
      }
      for (JsonNode reference : fieldsNamed(object, "secretKeyRef")) {
        assertThat(reference.path("name").asText(), equalTo(secretName));
        assertThat(reference.path("key").asText(), in(keys));
        references++;
      }
      for (JsonNode reference : fieldsNamed(object, "secretRef")) {
        assertThat(reference.path("name").asText(), equalTo(secretName));
        references++;
      }
    }
    assertThat(references, greaterThan(0));
  }

  @Test
  void noManifestButTheExampleHoldsAnythingLikeAKey() throws IOException {
    List<Pattern> keyLike = List.of(
        Pattern.compile("sk-[A-Za-z0-9_-]{16,}"),                     // OpenAI
        Pattern.compile("AIza[0-9A-Za-z_-]{30,}"),                    // Google
        Pattern.compile("(?i)(api[_-]?key|token|secret|password)[\"']?\\s*[:=]\\s*[\"']?"
            + "[A-Za-z0-9+/_-]{20,}"),
        Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(K8S)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (Pattern pattern : keyLike) {
        assertThat(file + " holds something like a key (" + pattern + ")",
            pattern.matcher(text).find(), is(false));
      }
    }
    for (JsonNode object : OBJECTS) {
      if (object == secretExample) {
        continue;
      }
      assertThat("only the example may be a Secret", object.path("kind").asText(),
          not(equalTo("Secret")));
      for (JsonNode env : fieldsNamed(object, "env")) {
        for (JsonNode variable : env) {
          if (variable.path("name").asText().matches("(?i).*(KEY|TOKEN|SECRET|PASSWORD).*")) {
            assertThat(variable.path("name").asText() + " must come from the Secret",
                variable.has("value"), is(false));
          }
        }
      }
    }
    JsonNode values = secretExample.has("stringData") ? secretExample.path("stringData")
        : secretExample.path("data");
    values.forEach(value -> assertThat("the example holds placeholders only",
        value.asText(), startsWith("<")));
  }

  @Test
  void everyMountedVolumeIsDefinedAndRefersToAnObjectOfTheseManifests() {
    Set<String> configMaps = namesOfKind("ConfigMap");
    Set<String> claims = namesOfKind("PersistentVolumeClaim");
    int pods = 0;
    for (JsonNode object : OBJECTS) {
      for (JsonNode pod : podSpecs(object)) {
        pods++;
        Set<String> volumes = new LinkedHashSet<>();
        for (JsonNode volume : pod.path("volumes")) {
          volumes.add(volume.path("name").asText());
          if (volume.has("configMap")) {
            assertThat(volume.path("configMap").path("name").asText(), in(configMaps));
          }
          if (volume.has("persistentVolumeClaim")) {
            assertThat(volume.path("persistentVolumeClaim").path("claimName").asText(),
                in(claims));
          }
        }
        for (JsonNode container : pod.path("containers")) {
          for (JsonNode mount : container.path("volumeMounts")) {
            assertThat(container.path("name") + " mounts " + mount.path("name"),
                mount.path("name").asText(), in(volumes));
          }
        }
      }
    }
    assertThat(pods, greaterThan(1));
  }

  @Test
  void theAuditConfigsParseWithTheRealParserAndEveryKeyVariableIsProvided() throws Exception {
    int parsed = 0;
    for (Workload workload : workloads()) {
      for (List<String> args : workload.vaarCommands()) {
        if (!args.get(0).equals("audit")) {
          continue;
        }
        AuditCommand audit = (AuditCommand) parse(args).subcommand().commandSpec().userObject();
        assertThat(workload + ": an audit needs --config", audit.config, notNullValue());
        String yaml = workload.mountedFile(audit.config.toString());
        Set<String> provided = workload.secretVariables();
        RunConfig config = assertDoesNotThrow(() -> RunConfig.parse(audit.config.toString(),
            yaml, name -> provided.contains(name) ? "a-test-value" : null),
            workload + ": " + audit.config + " must parse with the variables the pod has");
        for (ModelSpec model : config.models().models()) {
          if (model.apiKeyEnv() != null) {
            assertThat(workload + ": model " + model.id() + " reads " + model.apiKeyEnv(),
                model.apiKeyEnv(), in(provided));
          }
        }
        parsed++;
      }
    }
    assertThat(parsed, equalTo(workloads().size()));
  }

  @Test
  void everyVaarCommandParsesWithTheRealCommandLine() throws Exception {
    for (Workload workload : workloads()) {
      List<List<String>> commands = workload.vaarCommands();
      assertThat(workload + " runs no vaar command", commands, not(empty()));
      String auditOutput = null;
      for (List<String> args : commands) {
        ParseResult command = parse(args).subcommand();
        assertThat(workload + ": " + args, command, notNullValue());
        if (command.commandSpec().userObject() instanceof AuditCommand audit) {
          String yaml = workload.mountedFile(audit.config.toString());
          Set<String> provided = workload.secretVariables();
          RunConfig config = RunConfig.parse("config", yaml,
              name -> provided.contains(name) ? "v" : null);
          if (audit.runId != null) {
            config = assertDoesNotThrow(() -> RunConfig.parse("config", yaml,
                name -> provided.contains(name) ? "v" : null).withRunId(audit.runId),
                workload + ": --run-id " + audit.runId);
          }
          String output = audit.output != null ? audit.output : config.run().output();
          assertThat(workload + ": the run must be written to the persistent volume",
              workload.onPersistentVolume(output), is(true));
          assertThat(workload + ": a run's directory is named by its id",
              Path.of(output).getFileName().toString(), equalTo(config.run().id()));
          assertDoesNotThrow(() -> PipelineArguments.parse(audit.where.runner,
              audit.where.flinkMaster, audit.where.beamOptions), workload + ": Beam options");
          auditOutput = output;
        } else if (args.get(0).equals("history")) {
          auditOutput = checkHistoryRunsCover(workload, historyRuns(command), auditOutput);
        }
      }
    }
  }

  // ---------------------------------------------------------------- history

  private static List<String> historyRuns(ParseResult history) {
    CommandLine.Model.OptionSpec runs = history.matchedOption("--runs");
    assertThat("history needs --runs DIR", runs, notNullValue());
    return runs.stringValues();
  }

  /** The history compares the run just written: its directory or a parent of it. */
  private static String checkHistoryRunsCover(Workload workload, List<String> runs,
      String auditOutput) {
    assertThat(workload + ": history runs before any audit", auditOutput, notNullValue());
    Path output = Path.of(auditOutput);
    assertTrue(runs.stream().map(Path::of).anyMatch(output::startsWith),
        workload + ": history --runs " + runs + " does not include the audit's " + auditOutput);
    runs.forEach(run -> assertThat(workload + ": " + run + " must be on the persistent volume",
        workload.onPersistentVolume(run), is(true)));
    return auditOutput;
  }

  // ---------------------------------------------------------------- helpers

  private static ParseResult parse(List<String> args) {
    CommandLine commandLine = VaarCli.newCommandLine(SemFitEngine.DEFAULT);
    try {
      return commandLine.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError("vaar " + String.join(" ", args) + ": " + e.getMessage(), e);
    }
  }


  private static void assertValidCron(String schedule) {
    String[] fields = schedule.trim().split("\\s+");
    assertThat("'" + schedule + "' is not a five-field cron schedule", fields.length,
        equalTo(5));
    int[][] ranges = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
    for (int i = 0; i < 5; i++) {
      for (String item : fields[i].split(",", -1)) {
        String[] stepped = item.split("/", -1);
        assertTrue(stepped.length <= 2, "bad cron item " + item);
        if (stepped.length == 2) {
          assertTrue(stepped[1].matches("[1-9][0-9]*"), "bad cron step in " + item);
        }
        if (stepped[0].equals("*")) {
          continue;
        }
        String[] bounds = stepped[0].split("-", -1);
        assertTrue(bounds.length <= 2, "bad cron range " + item);
        for (String bound : bounds) {
          assertTrue(bound.matches("[0-9]+"), "'" + bound + "' in '" + schedule
              + "' is not a number");
          int value = Integer.parseInt(bound);
          assertTrue(value >= ranges[i][0] && value <= ranges[i][1], "'" + bound + "' in '"
              + schedule + "' is outside " + ranges[i][0] + "-" + ranges[i][1]);
        }
      }
    }
  }

  private static String jarInImage() throws IOException {
    for (String line : Files.readAllLines(DOCKERFILE)) {
      if (line.startsWith("COPY") && line.contains("vaar.jar")) {
        String[] words = line.trim().split("\\s+");
        return words[words.length - 1];
      }
    }
    throw new AssertionError(DOCKERFILE + " copies no vaar.jar");
  }

  private static List<JsonNode> objectsOfKind(String kind) {
    return OBJECTS.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  private static Set<String> namesOfKind(String kind) {
    Set<String> names = new LinkedHashSet<>();
    objectsOfKind(kind).forEach(o -> names.add(o.path("metadata").path("name").asText()));
    return names;
  }

  private static Set<String> secretKeys() {
    Set<String> keys = new LinkedHashSet<>();
    secretExample.path("stringData").fieldNames().forEachRemaining(keys::add);
    secretExample.path("data").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** Every pod spec in an object: wherever a mapping holds a list of containers. */
  private static List<JsonNode> podSpecs(JsonNode node) {
    List<JsonNode> pods = new ArrayList<>();
    if (node.isObject() && node.path("containers").isArray()) {
      pods.add(node);
    }
    node.elements().forEachRemaining(child -> pods.addAll(podSpecs(child)));
    return pods;
  }

  private static List<JsonNode> fieldsNamed(JsonNode node, String name) {
    List<JsonNode> found = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().equals(name)) {
          found.add(field.getValue());
        }
        found.addAll(fieldsNamed(field.getValue(), name));
      }
    } else if (node.isArray()) {
      node.forEach(child -> found.addAll(fieldsNamed(child, name)));
    }
    return found;
  }

  private static Set<String> containerNames(JsonNode pod) {
    Set<String> names = new LinkedHashSet<>();
    pod.path("containers").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  private static String parentOf(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  private static String join(String directory, String relative) {
    Path joined = Path.of(directory.isEmpty() ? "." : directory).resolve(relative).normalize();
    return joined.toString().replace('\\', '/');
  }

  /** The CronJob's pod and the FlinkDeployment's pods, with the vaar commands each runs. */
  private static List<Workload> workloads() {
    List<Workload> workloads = new ArrayList<>();
    for (JsonNode cronJob : objectsOfKind("CronJob")) {
      JsonNode pod = cronJob.path("spec").path("jobTemplate").path("spec").path("template")
          .path("spec");
      workloads.add(new Workload("CronJob " + cronJob.path("metadata").path("name").asText(),
          pod, null));
    }
    for (JsonNode deployment : objectsOfKind("FlinkDeployment")) {
      List<String> args = new ArrayList<>();
      deployment.path("spec").path("job").path("args").forEach(a -> args.add(a.asText()));
      workloads.add(new Workload("FlinkDeployment "
          + deployment.path("metadata").path("name").asText(),
          deployment.path("spec").path("podTemplate").path("spec"), args));
    }
    return workloads;
  }

  /** A pod that runs vaar, and what it provides: mounted files and secret variables. */
  private record Workload(String name, JsonNode pod, List<String> directArgs) {

    @Override
    public String toString() {
      return name;
    }

    private JsonNode container() {
      JsonNode containers = pod.path("containers");
      assertThat(name + " has one container", containers.size(), equalTo(1));
      return containers.get(0);
    }

    Set<String> secretVariables() {
      Set<String> names = new LinkedHashSet<>();
      for (JsonNode variable : container().path("env")) {
        if (variable.path("valueFrom").has("secretKeyRef")) {
          names.add(variable.path("name").asText());
        }
      }
      for (JsonNode from : container().path("envFrom")) {
        if (from.has("secretRef")) {
          names.addAll(secretKeys());
        }
      }
      return names;
    }

    /** The text of the file at {@code path} as the pod sees it: a key of a mounted ConfigMap. */
    String mountedFile(String path) {
      Path file = Path.of(path);
      for (JsonNode mount : container().path("volumeMounts")) {
        Path at = Path.of(mount.path("mountPath").asText());
        if (file.getParent() != null && file.getParent().equals(at)) {
          JsonNode volume = volume(mount.path("name").asText());
          String map = volume.path("configMap").path("name").asText("");
          for (JsonNode configMap : objectsOfKind("ConfigMap")) {
            if (configMap.path("metadata").path("name").asText().equals(map)) {
              JsonNode text = configMap.path("data").path(file.getFileName().toString());
              assertThat(name + ": " + path + " is no key of ConfigMap " + map,
                  text.isTextual(), is(true));
              return text.asText();
            }
          }
        }
      }
      throw new AssertionError(name + ": nothing is mounted at " + path);
    }

    boolean onPersistentVolume(String path) {
      for (JsonNode mount : container().path("volumeMounts")) {
        if (Path.of(path).startsWith(Path.of(mount.path("mountPath").asText()))
            && volume(mount.path("name").asText()).has("persistentVolumeClaim")) {
          return true;
        }
      }
      return false;
    }

    private JsonNode volume(String volumeName) {
      for (JsonNode volume : pod.path("volumes")) {
        if (volume.path("name").asText().equals(volumeName)) {
          return volume;
        }
      }
      throw new AssertionError(name + ": no volume " + volumeName);
    }

    /**
     * The argument lists of the vaar commands the pod runs: the FlinkDeployment's job args, or
     * the commands of the CronJob's shell script as the shell itself expands them (its variable
     * assignments are run, with {@code vaar} printing its arguments instead of running).
     */
    List<List<String>> vaarCommands() throws IOException, InterruptedException {
      if (directArgs != null) {
        return List.of(directArgs);
      }
      JsonNode container = container();
      List<String> command = new ArrayList<>();
      container.path("command").forEach(c -> command.add(c.asText()));
      container.path("args").forEach(a -> command.add(a.asText()));
      if (!(command.size() == 3 && command.get(0).endsWith("sh") && command.get(1).equals("-c"))) {
        // No shell: the image's entrypoint (java -jar /opt/vaar/vaar.jar) gets the args.
        assertThat(name + ": command " + command, container.has("command"), is(false));
        return List.of(command);
      }
      String script = command.get(2);
      assertThat(name + ": the script runs the image's jar", script,
          containsString("-jar " + jarInImage()));
      return expandVaarCommands(script);
    }

    private List<List<String>> expandVaarCommands(String script)
        throws IOException, InterruptedException {
      StringBuilder probe = new StringBuilder(
          "vaar() { for a in \"$@\"; do printf '%s\\037' \"$a\"; done; printf '\\n'; }\n");
      for (String line : script.replace("\\\n", " ").split("\n")) {
        String trimmed = line.trim();
        if (trimmed.matches("[A-Za-z_][A-Za-z0-9_]*=.*") && !trimmed.contains("$?")) {
          probe.append(trimmed).append('\n');
        } else if (trimmed.startsWith("vaar ")) {
          probe.append(simpleCommand(trimmed)).append('\n');
        }
      }
      Process shell = new ProcessBuilder("/bin/sh", "-c", probe.toString())
          .redirectErrorStream(true).start();
      String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(shell.waitFor(30, TimeUnit.SECONDS), "the shell did not finish");
      assertThat(name + ": the script's commands do not expand: " + out, shell.exitValue(),
          equalTo(0));
      List<List<String>> commands = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        List<String> args = new ArrayList<>(List.of(line.split("\u001f", -1)));
        args.remove(args.size() - 1);
        assertThat(name + ": " + line, args, everyItem(not("")));
        commands.add(args);
      }
      return commands;
    }

    /** A command line up to its first redirection or control operator (outside quotes). */
    private static String simpleCommand(String line) {
      char quote = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>' || c == '<' || c == '|' || c == '&' || c == ';') {
          return line.substring(0, i).trim();
        }
      }
      return line;
    }
  }
}
