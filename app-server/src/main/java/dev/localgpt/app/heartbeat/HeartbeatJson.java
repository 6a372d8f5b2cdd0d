package dev.localgpt.app.heartbeat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.config.Durations;
import dev.localgpt.core.heartbeat.HeartbeatLogEntry;
import dev.localgpt.core.heartbeat.HeartbeatStatus;

/**
 * {@link HeartbeatStatus} as the JSON of {@code heartbeat status --json} and {@code GET
 * /api/heartbeat/status}.
 */
public final class HeartbeatJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HeartbeatJson() {}

  public static ObjectNode status(HeartbeatStatus status) {
    ObjectNode node = JSON.createObjectNode();
    node.put("enabled", status.enabled());
    node.put("interval", Durations.format(status.interval()));
    node.put("active_hours", status.activeHours());
    node.put("model", status.model());
    node.put("next_run", status.nextDue().map(Object::toString).orElse(null));
    node.put("last_run", status.lastRun().map(Object::toString).orElse(null));
    if (status.lastAlert().isPresent()) {
      node.putObject("last_alert")
          .put("at", status.lastAlert().get().at().toString())
          .put("text", status.lastAlert().get().text());
    } else {
      node.putNull("last_alert");
    }
    node.put("tokens_today", status.tokensToday());
    if (status.budgetLeft().isPresent()) {
      node.put("budget_left", status.budgetLeft().get());
    } else {
      node.putNull("budget_left");
    }
    ArrayNode runs = node.putArray("last_runs");
    for (HeartbeatLogEntry entry : status.recent()) {
      runs.add(JsonlHeartbeatLog.toJson(entry));
    }
    return node;
  }
}
