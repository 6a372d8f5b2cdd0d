package dev.localgpt.core.agent.tools;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.llm.ToolSpec;
import java.util.List;

/** {@code read_file}: a file's lines, numbered {@code %4d\t}, from a 0-based line offset. */
public final class ReadFileTool extends FileTool {
  static final int DEFAULT_LIMIT = 2000;
  private static final ToolSpec SPEC =
      new ToolSpec(
          "read_file",
          "Read the contents of a file. Lines are numbered; use offset and limit for large files.",
          Schemas.object(
              Schemas.required("path"),
              Schemas.prop("path", "string", "Path of the file, relative to the workspace"),
              Schemas.prop("offset", "integer", "Line to start from (0-based)"),
              Schemas.prop("limit", "integer", "Maximum number of lines to read")));

  public ReadFileTool(PathGuard guard) {
    super(SPEC, ToolEffect.READ, guard);
  }

  @Override
  public ToolOutcome execute(JsonArgs args) {
    String path = args.string("path");
    long offset = args.optLong("offset").orElse(0L);
    long limit = args.optLong("limit").orElse((long) DEFAULT_LIMIT);
    if (offset < 0) {
      throw new ToolException("'offset' must be >= 0, was " + offset);
    }
    if (limit <= 0) {
      throw new ToolException("'limit' must be > 0, was " + limit);
    }
    String text = files.readText(path);
    if (text.isEmpty()) {
      return ToolOutcome.ok("(empty file)");
    }
    List<String> lines = NumberedLines.split(text);
    int count = lines.size();
    if (offset >= count) {
      throw new ToolException(
          "offset " + offset + " is past the end of " + path + " (" + count + " lines)");
    }
    long end = Math.min(count, offset + limit);
    StringBuilder out = NumberedLines.append(new StringBuilder(), lines, (int) offset, (int) end);
    if (end < count) {
      out.append("[")
          .append(count - end)
          .append(" more lines; use offset=")
          .append(end)
          .append("]\n");
    }
    return ToolOutcome.ok(out.toString());
  }
}
