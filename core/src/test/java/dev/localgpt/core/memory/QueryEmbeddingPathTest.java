package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.ForwardingEmbedder;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A search embeds its query through {@link Embedder#embedQuery} (where a model adds its query
 * instruction), never as a document; {@link QueryEmbeddingCache} keeps that path.
 */
class QueryEmbeddingPathTest {
  private final InMemoryMemoryIndex index = new InMemoryMemoryIndex();
  private final HashingEmbedder words = new HashingEmbedder();
  private final List<String> queriesEmbedded = new ArrayList<>();

  /** Documents as bags of words; a query as the words its "instruction" adds to it. */
  private final Embedder instructed =
      new ForwardingEmbedder() {
        @Override
        public Embedder delegate() {
          return words;
        }

        @Override
        public Embedding embedQuery(String query) {
          queriesEmbedded.add(query);
          return words.embed(List.of("falcon deadline " + query)).get(0);
        }
      };

  private void put(String path, String text) {
    Embedding e = words.embed(List.of(text)).get(0);
    index.replaceFile(
        new IndexedFile(path, "memory", Hashes.sha256(path), 0, 1),
        List.of(new NewChunk(1, 1, "", text, Hashes.sha256(text), e)));
  }

  private List<String> vectorHits(Embedder embedder, String query) {
    index.useEmbeddingModel(words.modelId(), words.dimension());
    put("memory/notes.md", "Project falcon deadline is in May");
    put("memory/plants.md", "Remember to water the plants");
    HybridSearch search =
        new HybridSearch(
            () -> index,
            Optional.of(embedder),
            SearchSettings.defaults().withMode(SearchMode.VECTOR),
            Clock.systemUTC());
    return search.search(query, SearchOptions.limit(5)).stream().map(MemoryHit::path).toList();
  }

  @Test
  void theVectorLegEmbedsTheQueryAsAQuery() {
    assertThat(vectorHits(instructed, "zyzzyva")).containsExactly("memory/notes.md");
    assertThat(queriesEmbedded).containsExactly("zyzzyva");
  }

  @Test
  void theQueryCacheForwardsQueriesToTheModelsQueryPath() {
    QueryEmbeddingCache cache = new QueryEmbeddingCache(instructed, 4);

    assertThat(vectorHits(cache, "zyzzyva")).containsExactly("memory/notes.md");
    assertThat(vectorHits(cache, "zyzzyva")).containsExactly("memory/notes.md");
    assertThat(queriesEmbedded).as("asked twice, embedded once").containsExactly("zyzzyva");
  }
}
