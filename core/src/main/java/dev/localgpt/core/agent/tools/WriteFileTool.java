package dev.localgpt.core.agent.tools;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.llm.ToolSpec;
import java.nio.charset.StandardCharsets;

/** {@code write_file}: creates or replaces a file (parent folders created), atomically. */
public final class WriteFileTool extends FileTool {
  private static final ToolSpec SPEC =
      new ToolSpec(
          "write_file",
          "Create or overwrite a file with the given content. Parent directories are created.",
          Schemas.object(
              Schemas.required("path", "content"),
              Schemas.prop("path", "string", "Path of the file, relative to the workspace"),
              Schemas.prop("content", "string", "The complete new content")));

  public WriteFileTool(PathGuard guard) {
    super(SPEC, ToolEffect.WRITE, guard);
  }

  @Override
  public ToolOutcome execute(JsonArgs args) {
    String path = args.string("path");
    String content = args.string("content");
    files.writeText(path, content);
    return ToolOutcome.ok(
        "Successfully wrote "
            + content.getBytes(StandardCharsets.UTF_8).length
            + " bytes to "
            + path);
  }
}
