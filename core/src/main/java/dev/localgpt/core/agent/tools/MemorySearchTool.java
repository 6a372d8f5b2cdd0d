package dev.localgpt.core.agent.tools;

import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.ports.json.JsonArray;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonValue;
import dev.localgpt.ports.llm.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code memory_search}: hybrid search over MEMORY.md and memory/*.md; answers OpenClaw's JSON
 * {@code {"results":[{path,startLine,endLine,score,snippet,source}]}}.
 */
public final class MemorySearchTool implements Tool {
  static final int DEFAULT_RESULTS = 6;
  static final int MAX_RESULTS = 100;
  private static final ToolSpec SPEC =
      new ToolSpec(
          "memory_search",
          "Mandatory recall step: search MEMORY.md and memory/*.md before answering questions about prior work, "
              + "decisions, dates, people, preferences, or todos. Returns matching snippets with path and lines.",
          Schemas.object(
              Schemas.required("query"),
              Schemas.prop("query", "string", "What to search for"),
              Schemas.prop("maxResults", "integer", "Maximum results (default 6, at most 100)"),
              Schemas.prop("minScore", "number", "Drop results scoring below this")));

  private final MemorySearch search;

  public MemorySearchTool(MemorySearch search) {
    this.search = search;
  }

  @Override
  public ToolEffect effect() {
    return ToolEffect.READ;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public String summary() {
    return "Search memory (MEMORY.md, memory/*.md) for relevant snippets.";
  }

  @Override
  public String detail(JsonArgs args) {
    return args.optString("query").orElse("");
  }

  @Override
  public ToolOutcome execute(JsonArgs args) {
    String query = args.string("query");
    long max = args.optLong("maxResults").orElse((long) DEFAULT_RESULTS);
    if (max <= 0) {
      throw new ToolException("'maxResults' must be > 0, was " + max);
    }
    SearchOptions options = SearchOptions.limit((int) Math.min(MAX_RESULTS, max));
    var minScore = args.optDouble("minScore");
    if (minScore.isPresent()) {
      options = options.withMinScore(minScore.get());
    }
    try {
      return ToolOutcome.ok(toJson(search.search(query, options)));
    } catch (RuntimeException e) {
      return ToolOutcome.error(
          JsonObject.builder()
              .put("results", JsonArray.EMPTY)
              .put("disabled", true)
              .put("error", String.valueOf(e.getMessage()))
              .build()
              .toString());
    }
  }

  /** Hits as OpenClaw's memory_search JSON. */
  public static String toJson(List<MemoryHit> hits) {
    List<JsonValue> results = new ArrayList<>();
    for (MemoryHit h : hits) {
      results.add(
          JsonObject.builder()
              .put("path", h.path())
              .put("startLine", h.startLine())
              .put("endLine", h.endLine())
              .put("score", Math.round(h.score() * 10_000) / 10_000.0)
              .put("snippet", h.snippet())
              .put("source", h.source() == null ? "memory" : h.source())
              .build());
    }
    return JsonObject.builder().put("results", new JsonArray(results)).build().toString();
  }
}
