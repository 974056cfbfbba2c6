package io.vaar.transforms.analysis;

import io.vaar.sem.InvarianceSequence;
import io.vaar.sem.SemModel;
import io.vaar.transforms.simulated.SimulatedProfile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of the whole bootstrap of the demo: B = 1000 replicates for three simulated models
 * (aligned, inverted, indifferent) × 200 sessions of the study model (32 items, 5 factors), on
 * every core (the replicates run on the common fork-join pool). Run:
 * {@code scripts/jmh transforms VaarBootstrap}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class VaarBootstrapBenchmark {

  private List<ModelSample> samples;
  private SemModel model;

  @Setup
  public void audit() {
    samples = SimulatedStudy.samples(List.of(SimulatedProfile.values()), 200);
    model = SemModel.parse(SimulatedStudy.STUDY.syntax());
  }

  /** The bootstrap an audit makes: all models refitted together at the metric level. */
  @Benchmark
  public VaarBootstrap.Result joint() {
    List<String> groups = samples.stream().map(ModelSample::modelId).toList();
    return VaarBootstrap.runJoint(model, SimulatedStudy.INSTRUMENTS.itemIds(), groups,
        samples.stream().map(ModelSample::matrix).toList(),
        InvarianceSequence.Level.METRIC.equal(), groups,
        HumanReference.literatureDefaults(SimulatedStudy.STUDY), 0.05,
        new VaarBootstrap.Settings(1000, 42));
  }

  @Benchmark
  public VaarBootstrap.Result bootstrap() {
    return VaarBootstrap.run(model, SimulatedStudy.INSTRUMENTS.itemIds(),
        samples.stream().map(ModelSample::modelId).toList(),
        samples.stream().map(ModelSample::matrix).toList(),
        HumanReference.literatureDefaults(SimulatedStudy.STUDY), 0.05,
        new VaarBootstrap.Settings(1000, 42));
  }
}
