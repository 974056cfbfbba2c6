package io.vaar.transforms.audit;

import io.vaar.transforms.chat.ChatException;
import io.vaar.transforms.chat.ChatModel;
import io.vaar.transforms.config.ModelProvider;
import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.protocol.SessionProtocol;
import io.vaar.transforms.protocol.SessionResult;
import io.vaar.transforms.protocol.SessionSpec;
import io.vaar.transforms.providers.ChatModelFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the sessions of one plan in one JVM. It builds each model's chat model once — for remote
 * providers the factory's chain of cache, retries and rate limits, whose limits are shared by
 * every runner of the JVM — and runs a {@link SessionTask} through the {@link SessionProtocol}.
 * A model that cannot be built here (a key secret this machine may not read) fails its sessions
 * with the reason, through {@link UnbuiltChatModel}. One runner per plan and JVM ({@link #shared}), because a pipeline creates many copies of a step.
 */
public final class SessionRunner {

  private static final Map<String, SessionRunner> SHARED = new ConcurrentHashMap<>();

  private final AuditPlan plan;
  private final SessionProtocol protocol;
  private final ChatModelFactory factory;
  private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

  public SessionRunner(AuditPlan plan, ChatModelFactory factory) {
    this.plan = plan;
    this.protocol = new SessionProtocol(plan.instruments(), plan.config().run().protocol());
    this.factory = factory;
  }

  /** The runner of this plan in this JVM, built on first use. */
  public static SessionRunner shared(AuditPlan plan) {
    String key = plan.runId() + "\u0000" + plan.output() + "\u0000" + plan.config().hashCode();
    return SHARED.computeIfAbsent(key, ignored ->
        new SessionRunner(plan, ChatModelFactory.builder()
            .cacheLocation(plan.cacheDirectory())
            .simulated(spec -> SimulatedModels.create(spec, plan.instruments()))
            .build()));
  }

  public SessionResult run(SessionTask task) {
    ModelSpec spec = plan.model(task.modelId());
    ChatModel model = model(spec);
    SessionSpec session = new SessionSpec(plan.runId(), spec.id(),
        plan.panel().persona(task.personaIndex()), task.replicate(), plan.config().run().seed(),
        spec.provider() == ModelProvider.SIMULATED);
    return protocol.run(session, model, spec.generationSettings());
  }

  /**
   * The spec's model, built once. A model that cannot be built is not kept: its sessions fail with
   * the reason, and the next session tries again (a permission granted meanwhile takes effect).
   */
  private ChatModel model(ModelSpec spec) {
    ChatModel existing = models.get(spec.id());
    if (existing != null) {
      return existing;
    }
    synchronized (models) {
      ChatModel model = models.get(spec.id());
      if (model == null) {
        try {
          model = factory.create(spec);
        } catch (ChatException e) {
          return new UnbuiltChatModel(e);
        }
        models.put(spec.id(), model);
      }
      return model;
    }
  }
}
