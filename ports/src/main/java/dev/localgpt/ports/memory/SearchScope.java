package dev.localgpt.ports.memory;

import java.util.Set;

/**
 * Which sources a search may return.
 *
 * @param include if non-empty, only these sources; if empty, every source not excluded
 * @param exclude sources never returned (e.g. isolated knowledge silos)
 */
public record SearchScope(Set<String> include, Set<String> exclude) {
  public SearchScope {
    include = Set.copyOf(include);
    exclude = Set.copyOf(exclude);
  }

  public static SearchScope all() {
    return new SearchScope(Set.of(), Set.of());
  }

  public static SearchScope only(String source) {
    return new SearchScope(Set.of(source), Set.of());
  }

  public static SearchScope allExcept(Set<String> sources) {
    return new SearchScope(Set.of(), sources);
  }

  public boolean admits(String source) {
    return !exclude.contains(source) && (include.isEmpty() || include.contains(source));
  }
}
