package dev.localgpt.core.agent;

import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.memory.SearchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fake {@link MemorySearch}: hits whose snippet contains any query word, best score first;
 * records queries.
 */
public final class StubMemorySearch implements MemorySearch {
  private final List<MemoryHit> hits = new ArrayList<>();
  public final List<String> queries = new ArrayList<>();
  public final List<SearchOptions> options = new ArrayList<>();

  public StubMemorySearch add(String path, int start, int end, double score, String snippet) {
    hits.add(new MemoryHit(path, start, end, score, snippet, "memory", Optional.empty()));
    return this;
  }

  @Override
  public List<MemoryHit> search(String query, SearchOptions opts) {
    queries.add(query);
    options.add(opts);
    List<String> words = List.of(query.toLowerCase(Locale.ROOT).split("\\W+"));
    return hits.stream()
        .filter(
            h ->
                words.stream()
                    .anyMatch(
                        w -> !w.isEmpty() && h.snippet().toLowerCase(Locale.ROOT).contains(w)))
        .filter(h -> h.score() >= opts.minScore())
        .sorted((a, b) -> Double.compare(b.score(), a.score()))
        .limit(opts.limit())
        .toList();
  }
}
