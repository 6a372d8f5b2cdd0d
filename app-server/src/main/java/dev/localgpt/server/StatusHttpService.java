package dev.localgpt.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.server.chat.ChatEngine;
import dev.localgpt.server.chat.LiveSessions;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@code GET /api/status} → {@code {version, model, memory_chunks, active_sessions, is_brand_new}};
 * brand new means the workspace has no daily notes yet.
 */
public final class StatusHttpService implements HttpService {
  private final ChatEngine engine;
  private final LiveSessions sessions;
  private final MemoryService memory;
  private final Workspace workspace;

  public StatusHttpService(
      ChatEngine engine, LiveSessions sessions, MemoryService memory, Workspace workspace) {
    this.engine = engine;
    this.sessions = sessions;
    this.memory = memory;
    this.workspace = workspace;
  }

  /** The version in the jar's manifest, else {@code dev}. */
  public static String version() {
    String version = LocalGptServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get(
            "/api/status",
            (req, res) -> {
              ObjectNode out = HttpJson.object();
              out.put("version", version());
              out.put("model", engine.defaultModel().id());
              out.put("memory_chunks", memory.stats().chunks());
              out.put("active_sessions", sessions.size());
              out.put("is_brand_new", workspace.status().dailyNotes() == 0);
              HttpJson.send(res, out);
            })
        .any("/api/status", ErrorMapper.methodNotAllowed("GET"));
  }
}
