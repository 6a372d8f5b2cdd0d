package dev.localgpt.app.heartbeat;

import dev.localgpt.adapter.postgres.PostgresLeaderLock;
import dev.localgpt.app.wiring.ChatFactory;
import dev.localgpt.app.wiring.PostgresMemory;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.config.HeartbeatConfig;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.MemoryStorage;
import dev.localgpt.core.heartbeat.HeartbeatAgent;
import dev.localgpt.core.heartbeat.HeartbeatPolicy;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.schedule.Scheduler;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Builds the heartbeat from the chat wiring (one wiring for chat, {@code ask} and the heartbeat),
 * and starts it in the background for the daemon:
 *
 * <pre>{@code
 * HeartbeatService heartbeat = HeartbeatComponents.service(home, config, workspace, chatFactory, Optional.empty(),
 *     Clock.systemUTC());
 * Scheduler scheduler = HeartbeatComponents.start(heartbeat, Clock.systemUTC()); // close() on shutdown
 * }</pre>
 */
public final class HeartbeatComponents {
  private HeartbeatComponents() {}

  /**
   * The heartbeat over {@code data/heartbeat-state.json} and {@code logs/heartbeat.jsonl}. Each run
   * asks {@code chats} for a new setup on {@code model} if given, else {@code heartbeat.model},
   * else the chat's model.
   */
  public static HeartbeatService service(
      LocalGptHome home,
      LocalGptConfig config,
      Workspace workspace,
      ChatFactory chats,
      Optional<ChatModel> model,
      Clock clock) {
    HeartbeatConfig heartbeat = config.heartbeat();
    String name =
        model
            .map(ChatModel::id)
            .or(heartbeat::model)
            .orElse(
                config.agent().defaultModel().isBlank() ? "auto" : config.agent().defaultModel());
    HeartbeatAgent agent =
        HeartbeatAgent.chat(
            name,
            () ->
                chats.setup(
                    model.orElseGet(() -> chats.model(heartbeat.model())), ApprovalGate.DENY_ALL));
    return new HeartbeatService(
        new HeartbeatPolicy(heartbeat, heartbeat.zoneOr(ZoneId.systemDefault())),
        workspace.root(),
        agent,
        JsonHeartbeatStore.in(home.dataDir()),
        JsonlHeartbeatLog.in(home.logsDir()),
        clock);
  }

  /**
   * Starts {@code heartbeat} on a new {@link ExecutorScheduler} (nothing is scheduled when it is
   * disabled). Close the returned scheduler to stop it.
   */
  public static Scheduler start(HeartbeatService heartbeat, Clock clock) {
    ExecutorScheduler scheduler = new ExecutorScheduler(clock);
    heartbeat.start(scheduler);
    return scheduler;
  }

  /**
   * As {@link #start(HeartbeatService, Clock)}; with {@code memory.backend = "postgres"} the ticks
   * run only on the instance that holds the workspace's leader lock (a PostgreSQL advisory lock),
   * so servers sharing the database never fire the heartbeat twice.
   */
  public static Scheduler start(HeartbeatService heartbeat, Clock clock, MemoryStorage storage) {
    if (!storage.postgres()) {
      return start(heartbeat, clock);
    }
    PostgresLeaderLock lock =
        new PostgresLeaderLock(
            PostgresMemory.options(storage), "heartbeat:" + storage.workspaceId());
    LeaderOnlyScheduler scheduler =
        new LeaderOnlyScheduler(new ExecutorScheduler(clock), lock::tryLead, lock);
    heartbeat.start(scheduler);
    return scheduler;
  }
}
