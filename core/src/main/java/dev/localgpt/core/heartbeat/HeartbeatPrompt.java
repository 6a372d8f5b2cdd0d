package dev.localgpt.core.heartbeat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The message a heartbeat run sends, as the Rust LocalGPT words it (OpenClaw's default plus the
 * task-marking rule); the sentence about committing appears only when the workspace is a git
 * repository.
 */
public final class HeartbeatPrompt {
  private static final String COMMIT =
      " After completing tasks that modify files, commit the changes with a descriptive message.";

  private HeartbeatPrompt() {}

  public static String forWorkspace(Path workspace) {
    return text(Files.exists(workspace.resolve(".git")));
  }

  static String text(boolean gitRepository) {
    return "Read HEARTBEAT.md if it exists (workspace context). Follow it strictly. Mark completed tasks with [x] "
        + "— do NOT delete or clear tasks. Do not infer or repeat old tasks from prior chats."
        + (gitRepository ? COMMIT : "")
        + " If nothing needs attention, reply "
        + HeartbeatReply.TOKEN
        + ".";
  }
}
