package dev.localgpt.core.heartbeat;

/** Why a heartbeat tick did not call a model; {@link #code()} is what the run log records. */
public enum SkipReason {
  DISABLED("disabled", "heartbeat.enabled = false"),
  QUIET_HOURS("quiet-hours", "outside the active hours"),
  NO_FILE("no-heartbeat-file", "HEARTBEAT.md does not exist"),
  EMPTY_FILE("empty-heartbeat-file", "HEARTBEAT.md holds no tasks"),
  BUDGET_SPENT("budget-spent", "today's token budget is spent"),
  NO_MODEL(
      "no-model",
      "no language model is configured (set agent.default_model or an API key, see 'localgpt config"
          + " check')"),
  BUSY("busy", "another heartbeat run is in progress (the daemon's or another 'heartbeat run')");

  private final String code;
  private final String description;

  SkipReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  public String code() {
    return code;
  }

  public String description() {
    return description;
  }
}
