package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.EmbeddingException;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import dev.localgpt.ports.memory.StoredChunk;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hybrid memory search: BM25 and vector candidates ({@code limit × candidateMultiplier} each),
 * normalised by the configured {@link FusionMethod} and summed with weights, then optional recency
 * decay and MMR. A leg that finds nothing (or is unavailable, e.g. no embedder or the embedder
 * failed) gives its weight to the other, so keyword-only search works. Reported scores are anchored
 * to an absolute relevance ({@link Relevance}), so they compare across queries and hits below
 * {@link Relevance#FLOOR} are dropped; workspace templates nobody edited rank after every other hit
 * ({@link UntouchedTemplates}). Thread-safe if the index is.
 */
public final class HybridSearch implements MemorySearch {
  /** Snippets are cut to this many characters (OpenClaw's limit). */
  public static final int MAX_SNIPPET = 700;

  private static final System.Logger LOG = System.getLogger(HybridSearch.class.getName());

  private final Supplier<MemoryIndex> index;
  private final Optional<Embedder> embedder;
  private final SearchSettings settings;
  private final Clock clock;
  private final SearchLegs legs = new SearchLegs();

  public HybridSearch(
      Supplier<MemoryIndex> index,
      Optional<Embedder> embedder,
      SearchSettings settings,
      Clock clock) {
    this.index = index;
    this.embedder = embedder;
    this.settings = settings;
    this.clock = clock;
  }

  public HybridSearch(MemoryIndex index, Optional<Embedder> embedder, SearchSettings settings) {
    this(() -> index, embedder, settings, Clock.systemUTC());
  }

  public SearchSettings settings() {
    return settings;
  }

  private static final class Candidate {
    final StoredChunk chunk;
    double bm25 = Double.NaN;
    double cosine = Double.NaN;
    double textNorm;
    double vectorNorm;
    int keywordRank;
    int vectorRank;
    double fused;
    double score;
    boolean template;

    Candidate(StoredChunk chunk) {
      this.chunk = chunk;
    }
  }

  @Override
  public List<MemoryHit> search(String query, SearchOptions options) {
    return search(query, options, 1.0);
  }

  /**
   * As {@link #search(String, SearchOptions)}, while only the fraction {@code vectorCoverage} of
   * the stored chunks has a vector (indexing embeds after it writes keyword rows): the vector leg's
   * weight is scaled by it, so a vector leg that can see only a few chunks does not outvote the
   * keyword leg that sees them all.
   */
  public List<MemoryHit> search(String query, SearchOptions options, double vectorCoverage) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    MemoryIndex idx = index.get();
    SearchScope scope =
        options
            .silo()
            .map(SearchScope::only)
            .orElseGet(() -> SearchScope.allExcept(settings.isolatedSilos()));
    int n = options.limit() * settings.candidateMultiplier();
    List<ScoredChunk> keyword;
    List<ScoredChunk> vector;
    if (settings.mode() == SearchMode.HYBRID && embedder.isPresent()) {
      List<List<ScoredChunk>> both =
          legs.both(
              () -> idx.keywordSearch(query, n, scope), () -> vectorLeg(idx, query, n, scope));
      keyword = both.get(0);
      vector = both.get(1);
    } else {
      keyword =
          settings.mode() == SearchMode.VECTOR ? List.of() : idx.keywordSearch(query, n, scope);
      vector = settings.mode() == SearchMode.KEYWORD ? List.of() : vectorLeg(idx, query, n, scope);
    }

    Map<Long, Candidate> byId = new LinkedHashMap<>();
    double[] textNorm = Fusion.normalise(keyword, settings.fusion(), settings.rrfK());
    for (int i = 0; i < keyword.size(); i++) {
      ScoredChunk hit = keyword.get(i);
      Candidate c = byId.computeIfAbsent(hit.chunk().id(), id -> new Candidate(hit.chunk()));
      c.bm25 = keyword.get(i).score();
      c.keywordRank = i + 1;
      c.textNorm = textNorm[i];
    }
    double[] vectorNorm = Fusion.normalise(vector, settings.fusion(), settings.rrfK());
    for (int i = 0; i < vector.size(); i++) {
      Candidate c = byId.get(vector.get(i).chunk().id());
      if (c == null) {
        c = new Candidate(vector.get(i).chunk());
        byId.put(c.chunk.id(), c);
      }
      c.cosine = vector.get(i).score();
      c.vectorRank = i + 1;
      c.vectorNorm = vectorNorm[i];
    }
    double wt = keyword.isEmpty() ? 0 : settings.textWeight();
    double wv =
        vector.isEmpty() ? 0 : settings.vectorWeight() * Math.max(0, Math.min(1, vectorCoverage));
    if (wt + wv <= 0) {
      return List.of();
    }
    if (settings.fusion() == FusionMethod.ADAPTIVE) {
      double at = wt * Fusion.confidence(textNorm);
      double av = wv * Fusion.confidence(vectorNorm);
      if (at + av > 0) {
        wt = at;
        wv = av;
      }
    }
    List<Candidate> ranked = new ArrayList<>(byId.values());
    double bestFused = 0;
    double queryRelevance = 0;
    boolean vectors = wv > 0;
    for (Candidate c : ranked) {
      c.fused = (wt * c.textNorm + wv * c.vectorNorm) / (wt + wv);
      bestFused = Math.max(bestFused, c.fused);
      queryRelevance = Math.max(queryRelevance, Relevance.of(c.bm25, c.cosine, vectors));
    }
    double scale = bestFused > 0 ? queryRelevance / bestFused : 0;
    ranked.removeIf(c -> Relevance.of(c.bm25, c.cosine, vectors) < Relevance.FLOOR);
    for (Candidate c : ranked) {
      c.score = scale * c.fused * Reranking.decay(c.chunk.path(), settings.halfLifeDays(), clock);
    }
    ranked.removeIf(c -> c.score < options.minScore());
    Map<String, Boolean> untouched = new HashMap<>();
    ranked.forEach(
        c ->
            c.template =
                untouched.computeIfAbsent(
                    c.chunk.path(), p -> UntouchedTemplates.isUntouched(idx, p)));
    ranked.sort(
        Comparator.comparingDouble((Candidate c) -> c.score)
            .reversed()
            .thenComparingLong(c -> c.chunk.id()));
    List<Candidate> notes = ranked.stream().filter(c -> !c.template).toList();
    List<Candidate> chosen =
        new ArrayList<>(
            settings.mmr()
                ? Reranking.mmr(
                    notes, options.limit(), settings.mmrLambda(), c -> c.score, c -> c.chunk.text())
                : notes.subList(0, Math.min(options.limit(), notes.size())));
    ranked.stream()
        .filter(c -> c.template)
        .limit(options.limit() - chosen.size())
        .forEach(chosen::add);
    return chosen.stream().map(c -> toHit(c, query, options.explain())).toList();
  }

  private List<ScoredChunk> vectorLeg(MemoryIndex idx, String query, int n, SearchScope scope) {
    if (embedder.isEmpty()) {
      return List.of();
    }
    Embedding q;
    try {
      q = embedder.get().embedQuery(query);
    } catch (EmbeddingException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "query embedding failed, searching keywords only: " + e.getMessage());
      return List.of();
    }
    return idx.vectorSearch(q, n, scope);
  }

  private static MemoryHit toHit(Candidate c, String query, boolean explain) {
    StoredChunk ch = c.chunk;
    Optional<MemoryHit.Explanation> why =
        explain
            ? Optional.of(
                new MemoryHit.Explanation(c.bm25, c.cosine, c.fused, c.keywordRank, c.vectorRank))
            : Optional.empty();
    return new MemoryHit(
        ch.path(),
        ch.startLine(),
        ch.endLine(),
        c.score,
        snippet(ch.text(), query),
        ch.source(),
        why);
  }

  /**
   * At most {@link #MAX_SNIPPET} characters of the chunk: the part with the query's words (see
   * {@link Snippets}).
   */
  static String snippet(String text, String query) {
    return Snippets.excerpt(text, query, MAX_SNIPPET);
  }
}
