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
 * Runs the sessions of one plan in one JVM. It builds each model's provider client once and, per
 * session shard, the factory's chain of cache, retries and rate limits around it — the shard's
 * share of the model's per-minute budgets and the model's in-flight permits, both shared by every
 * runner of the JVM — and runs a {@link SessionTask} through the {@link SessionProtocol}.
 * A model that cannot be built here (a key secret this machine may not read) fails its sessions
 * with the reason, through {@link UnbuiltChatModel}. One runner per plan and JVM ({@link #shared}), because a pipeline creates many copies of a step.
 */
public final class SessionRunner {

  private static final Map<String, SessionRunner> SHARED = new ConcurrentHashMap<>();

  private final AuditPlan plan;
  private final SessionProtocol protocol;
  private final ChatModelFactory factory;
  private final Map<String, ChatModel> providers = new ConcurrentHashMap<>();
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
    ChatModel model = model(spec, RunSessions.shardIndex(spec, task));
    SessionSpec session = new SessionSpec(plan.runId(), spec.id(),
        plan.panel().persona(task.personaIndex()), task.replicate(), plan.config().run().seed(),
        spec.provider() == ModelProvider.SIMULATED);
    return protocol.run(session, model, spec.generationSettings());
  }

  /**
   * The chat model of one shard of the spec, built once: the spec's provider client (one per
   * spec) behind the call handling with the shard's share of the budgets. A provider that cannot
   * be built is not kept: its sessions fail with the reason, and the next session tries again (a
   * permission granted meanwhile takes effect).
   */
  private ChatModel model(ModelSpec spec, int shard) {
    String key = spec.id() + "#" + shard;
    ChatModel existing = models.get(key);
    if (existing != null) {
      return existing;
    }
    synchronized (models) {
      ChatModel model = models.get(key);
      if (model == null) {
        try {
          ChatModel provider = providers.get(spec.id());
          if (provider == null) {
            provider = factory.provider(spec);
            providers.put(spec.id(), provider);
          }
          model = factory.create(spec, shard, provider);
        } catch (ChatException e) {
          return new UnbuiltChatModel(e);
        }
        models.put(key, model);
      }
      return model;
    }
  }
}
