package io.vaar.transforms.simulated;

import io.vaar.transforms.chat.GenerationSettings;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.personas.PersonaGenerator;
import io.vaar.transforms.protocol.ProtocolSettings;
import io.vaar.transforms.protocol.SessionProtocol;
import io.vaar.transforms.protocol.SessionSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated item exchanges per second on one thread: whole sessions (32 items, 12 turns of
 * history, the demo's rates of chatty, malformed and refused replies, re-asks included) through
 * the real protocol, parser and record building. Scores are items asked per second; re-asks make
 * the number of model calls a few percent higher. Run: {@code scripts/jmh transforms
 * SimulatedSession}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SimulatedSessionBenchmark {

  private static final int ITEMS_PER_SESSION = 32;

  private final InstrumentSet instruments = InstrumentSet.builtin();
  private final SessionProtocol protocol =
      new SessionProtocol(instruments, ProtocolSettings.defaults());
  private final SimulatedChatModel model = new SimulatedChatModel(instruments,
      SimulatedProfile.ALIGNED, SimulationSettings.defaults(1));
  private final PersonaGenerator personas = new PersonaGenerator(42);
  private int next;

  @Benchmark
  @OperationsPerInvocation(ITEMS_PER_SESSION)
  public Object session() {
    SessionSpec spec = new SessionSpec("bench", "sim", personas.persona(next++ % 10_000), 0, 42,
        true);
    return protocol.run(spec, model, GenerationSettings.defaults());
  }
}
