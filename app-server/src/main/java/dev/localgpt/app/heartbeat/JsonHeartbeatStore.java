package dev.localgpt.app.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.heartbeat.HeartbeatState;
import dev.localgpt.core.heartbeat.HeartbeatStore;
import dev.localgpt.core.workspace.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The heartbeat state in {@code data/heartbeat-state.json} (mode 0600, replaced atomically): last
 * run, next due time, today's tokens and the alerts of the last 24 hours. A missing or damaged file
 * loads as the initial state (the next tick runs at once), so a damaged file never stops the
 * heartbeat. {@link #tryLock()} locks {@code heartbeat-state.json.lock} beside it (see {@link
 * HeartbeatFileLock}), so the daemon's scheduler and {@code localgpt heartbeat run} never run at
 * once.
 */
public final class JsonHeartbeatStore implements HeartbeatStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final HeartbeatFileLock lock;

  public JsonHeartbeatStore(Path file) {
    this.file = file;
    this.lock = new HeartbeatFileLock(file.resolveSibling(file.getFileName() + ".lock"));
  }

  /** {@code <data>/heartbeat-state.json}. */
  public static JsonHeartbeatStore in(Path dataDir) {
    return new JsonHeartbeatStore(dataDir.resolve("heartbeat-state.json"));
  }

  @Override
  public synchronized HeartbeatState load() {
    if (!Files.exists(file)) {
      return HeartbeatState.INITIAL;
    }
    try {
      JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      List<HeartbeatState.SentAlert> alerts = new ArrayList<>();
      for (JsonNode alert : node.path("alerts")) {
        alerts.add(
            new HeartbeatState.SentAlert(
                Instant.parse(alert.path("at").asText()), alert.path("text").asText()));
      }
      return new HeartbeatState(
          instant(node, "last_run"),
          instant(node, "next_due"),
          text(node, "budget_day").map(LocalDate::parse),
          node.path("tokens_today").asLong(),
          alerts);
    } catch (IOException | RuntimeException e) {
      return HeartbeatState.INITIAL;
    }
  }

  @Override
  public Optional<Lease> tryLock() {
    return lock.tryLock();
  }

  @Override
  public synchronized void save(HeartbeatState state) {
    ObjectNode node = JSON.createObjectNode();
    state.lastRun().ifPresent(t -> node.put("last_run", t.toString()));
    state.nextDue().ifPresent(t -> node.put("next_due", t.toString()));
    state.budgetDay().ifPresent(d -> node.put("budget_day", d.toString()));
    node.put("tokens_today", state.tokensToday());
    ArrayNode alerts = node.putArray("alerts");
    for (HeartbeatState.SentAlert alert : state.alerts()) {
      alerts.addObject().put("at", alert.at().toString()).put("text", alert.text());
    }
    try {
      PrivateFiles.createDirectories(file.getParent());
      PrivateFiles.replace(file, JSON.writeValueAsString(node) + "\n");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write the heartbeat state: " + e.getOriginalMessage(), e);
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static Optional<Instant> instant(JsonNode node, String field) {
    return text(node, field).map(Instant::parse);
  }
}
