package dev.localgpt.core.agent.tools;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.llm.ToolSpec;

/**
 * {@code edit_file}: replaces an exact string; it must occur exactly once unless {@code
 * replace_all}.
 */
public final class EditFileTool extends FileTool {
  private static final ToolSpec SPEC =
      new ToolSpec(
          "edit_file",
          "Replace an exact string in a file. old_string must match exactly once unless replace_all is true.",
          Schemas.object(
              Schemas.required("path", "old_string", "new_string"),
              Schemas.prop("path", "string", "Path of the file, relative to the workspace"),
              Schemas.prop("old_string", "string", "The exact text to replace"),
              Schemas.prop("new_string", "string", "The replacement text"),
              Schemas.prop("replace_all", "boolean", "Replace every occurrence (default false)")));

  public EditFileTool(PathGuard guard) {
    super(SPEC, ToolEffect.WRITE, guard);
  }

  @Override
  public ToolOutcome execute(JsonArgs args) {
    String path = args.string("path");
    String oldString = args.string("old_string");
    String newString = args.string("new_string");
    boolean all = args.bool("replace_all", false);
    if (oldString.isEmpty()) {
      throw new ToolException("old_string must not be empty; use write_file to create a file");
    }
    String text = files.readText(path);
    int count = occurrences(text, oldString);
    if (count == 0) {
      throw new ToolException(
          "old_string not found in file "
              + path
              + "; read the file and copy the exact text, including whitespace");
    }
    if (count > 1 && !all) {
      throw new ToolException(
          "old_string occurs "
              + count
              + " times in "
              + path
              + "; include more surrounding text to make it unique, or set replace_all to true");
    }
    String updated =
        all ? text.replace(oldString, newString) : replaceFirst(text, oldString, newString);
    files.writeText(path, updated);
    return ToolOutcome.ok("Replaced " + (all ? count : 1) + " occurrence(s) in " + path);
  }

  private static String replaceFirst(String text, String target, String replacement) {
    int at = text.indexOf(target);
    return text.substring(0, at) + replacement + text.substring(at + target.length());
  }

  static int occurrences(String text, String target) {
    int count = 0;
    for (int at = text.indexOf(target); at >= 0; at = text.indexOf(target, at + target.length())) {
      count++;
    }
    return count;
  }
}
