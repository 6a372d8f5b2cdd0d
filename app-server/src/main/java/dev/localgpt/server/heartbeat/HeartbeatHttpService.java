package dev.localgpt.server.heartbeat;

import dev.localgpt.app.heartbeat.HeartbeatJson;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.server.ErrorMapper;
import dev.localgpt.server.HttpJson;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@code GET /api/heartbeat/status} → {@code {enabled, interval, active_hours, model, next_run,
 * last_run, last_alert, tokens_today, budget_left, last_runs[]}}, the same JSON as {@code localgpt
 * heartbeat status --json}.
 */
public final class HeartbeatHttpService implements HttpService {
  static final int RECENT_RUNS = 10;

  private final HeartbeatService heartbeat;

  public HeartbeatHttpService(HeartbeatService heartbeat) {
    this.heartbeat = heartbeat;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get(
            "/api/heartbeat/status",
            (req, res) -> HttpJson.send(res, HeartbeatJson.status(heartbeat.status(RECENT_RUNS))))
        .any("/api/heartbeat/status", ErrorMapper.methodNotAllowed("GET"));
  }
}
