package dev.localgpt.core.agent.tools;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.llm.ToolSpec;

/**
 * Base of the tools that work on one workspace file named by their {@code path} argument: holds the
 * spec, its effect and the confined {@link FileAccess}, and shows the path as the call's detail.
 */
abstract class FileTool implements Tool {
  private final ToolSpec spec;
  private final ToolEffect effect;
  final FileAccess files;

  FileTool(ToolSpec spec, ToolEffect effect, PathGuard guard) {
    this.spec = spec;
    this.effect = effect;
    this.files = new FileAccess(guard);
  }

  @Override
  public final ToolSpec spec() {
    return spec;
  }

  @Override
  public final ToolEffect effect() {
    return effect;
  }

  @Override
  public final String detail(JsonArgs args) {
    return args.optString("path").orElse("");
  }
}
