package dev.localgpt.core.memory;

import dev.localgpt.core.workspace.WorkspaceTemplates;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises workspace files that are still the untouched template {@code workspace init} wrote
 * ({@code AGENTS.md}, {@code SOUL.md}, ...): their indexed hash equals the template's. Search ranks
 * them after every other hit, so they never pad an answer with boilerplate; once the user edits
 * one, it ranks like any note.
 */
final class UntouchedTemplates {
  private static final Map<String, String> HASH_BY_PATH = hashes();

  private UntouchedTemplates() {}

  /** Whether {@code path} is an unchanged template according to {@code index}. */
  static boolean isUntouched(MemoryIndex index, String path) {
    String template = HASH_BY_PATH.get(path);
    if (template == null) {
      return false;
    }
    Optional<IndexedFile> file = index.file(path);
    return file.isPresent() && file.get().hash().equals(template);
  }

  private static Map<String, String> hashes() {
    Map<String, String> out = new HashMap<>();
    for (String name : WorkspaceTemplates.FILES) {
      out.put(name, Hashes.sha256(WorkspaceTemplates.text(name).getBytes(StandardCharsets.UTF_8)));
    }
    return Map.copyOf(out);
  }
}
