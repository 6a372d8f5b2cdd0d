package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.memory.SearchScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources (memory, session, a silo, ...) of an in-memory index's rows, interned as small codes
 * so each row keeps an {@code int}, and a scope turned into one flag per code. Not thread-safe: the
 * owning index guards it with its lock.
 */
final class SourceCodes {
  private final Map<String, Integer> codeBySource = new HashMap<>();
  private final List<String> sources = new ArrayList<>();

  /** The code of {@code source}, new if it was not seen before. */
  int code(String source) {
    return codeBySource.computeIfAbsent(
        source,
        s -> {
          sources.add(s);
          return sources.size() - 1;
        });
  }

  /** Per code, whether {@code scope} admits that source. */
  boolean[] admitted(SearchScope scope) {
    boolean[] admitted = new boolean[sources.size()];
    for (int i = 0; i < admitted.length; i++) {
      admitted[i] = scope.admits(sources.get(i));
    }
    return admitted;
  }
}
