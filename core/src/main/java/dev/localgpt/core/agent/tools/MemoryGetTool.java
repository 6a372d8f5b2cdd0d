package dev.localgpt.core.agent.tools;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.llm.ToolSpec;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code memory_get}: reads a line range of a memory file. Only {@code MEMORY.md}, {@code
 * memory.md}, {@code memory/**} and {@code knowledge/**}, Markdown only, no symlinks.
 */
public final class MemoryGetTool extends FileTool {
  static final int DEFAULT_LINES = 50;
  static final int MAX_LINES = 10_000;
  private static final ToolSpec SPEC =
      new ToolSpec(
          "memory_get",
          "Read specific lines of a memory file (MEMORY.md, memory/*.md, knowledge/**/*.md). "
              + "Use after memory_search to pull only the needed lines.",
          Schemas.object(
              Schemas.required("path"),
              Schemas.prop("path", "string", "Workspace-relative path, e.g. memory/2025-01-31.md"),
              Schemas.prop("from", "integer", "First line, 1-based (default 1)"),
              Schemas.prop("lines", "integer", "Number of lines (default 50, at most 10000)")));

  public MemoryGetTool(PathGuard guard) {
    super(SPEC, ToolEffect.READ, guard);
  }

  @Override
  public ToolOutcome execute(JsonArgs args) {
    String path = args.string("path").replace('\\', '/');
    long from = args.optLong("from").orElse(1L);
    long lines = Math.min(MAX_LINES, args.optLong("lines").orElse((long) DEFAULT_LINES));
    if (from < 1) {
      throw new ToolException("'from' must be >= 1 (lines are 1-based), was " + from);
    }
    if (lines < 1) {
      throw new ToolException("'lines' must be >= 1, was " + lines);
    }
    if (!allowed(path)) {
      throw new ToolException(
          "memory_get reads only MEMORY.md, memory/**/*.md and knowledge/**/*.md, not '"
              + path
              + "'; use read_file for other files");
    }
    Path file = files.resolve(path);
    if (Files.isSymbolicLink(file)) {
      throw new ToolException(path + " is a symlink; memory_get does not follow symlinks");
    }
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return ToolOutcome.ok("# " + path + " (file does not exist yet)\n");
    }
    String text = files.readText(path);
    List<String> all = NumberedLines.split(text);
    int total = all.size();
    if (from > total) {
      return ToolOutcome.ok(
          "# " + path + " (no lines from " + from + "; the file has " + total + ")\n");
    }
    int end = (int) Math.min(total, from - 1 + lines);
    StringBuilder out =
        new StringBuilder("# ")
            .append(path)
            .append(" (lines ")
            .append(from)
            .append('-')
            .append(end)
            .append(" of ")
            .append(total)
            .append(")\n");
    return ToolOutcome.ok(NumberedLines.append(out, all, (int) from - 1, end).toString());
  }

  static boolean allowed(String path) {
    if (!path.endsWith(".md")) {
      return false;
    }
    return path.equals("MEMORY.md")
        || path.equals("memory.md")
        || path.startsWith("memory/")
        || path.startsWith("knowledge/");
  }
}
