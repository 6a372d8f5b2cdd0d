package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several workspaces in one database: nobody sees another's private rows; shared workspaces are
 * read-only.
 */
class WorkspaceIsolationPgliteIT {
  @RegisterExtension static final PgliteDatabase PGLITE = new PgliteDatabase();

  private static void put(PostgresMemoryIndex index, String path, String text, float... vector) {
    index.replaceFile(
        new IndexedFile(path, "memory", "h-" + path, 1L, 1),
        List.of(new NewChunk(1, 1, "", text, "t-" + text, Embedding.normalized(vector))));
    for (int i = 0; i < 4; i++) { // filler so BM25-like ranks stay meaningful
      index.replaceFile(
          new IndexedFile("filler" + i + ".md", "memory", "f", 1L, 1),
          List.of(new NewChunk(1, 1, "", "plain words number " + i, "f" + i, null)));
    }
  }

  private static List<String> texts(List<ScoredChunk> hits) {
    return hits.stream().map(h -> h.chunk().text()).toList();
  }

  @Test
  void aUserNeverSeesAnotherUsersPrivateHitsButSeesTheSharedWorkspace() {
    PostgresMemoryIndex team = PostgresMemoryIndex.open(PGLITE.db(), "iso-team", Set.of());
    PostgresMemoryIndex alice =
        PostgresMemoryIndex.open(PGLITE.db(), "iso-alice", Set.of("iso-team"));
    PostgresMemoryIndex bob = PostgresMemoryIndex.open(PGLITE.db(), "iso-bob", Set.of("iso-team"));
    put(alice, "memory/a.md", "alice private salamander diary", 1, 0, 0);
    put(bob, "memory/b.md", "bob private salamander plans", 1, 0.1f, 0);
    put(team, "knowledge/handbook.md", "team salamander handbook", 0.9f, 0, 0.1f);
    Embedding q = Embedding.normalized(new float[] {1, 0, 0});

    assertThat(texts(alice.keywordSearch("salamander", 10, SearchScope.all())))
        .containsExactlyInAnyOrder("alice private salamander diary", "team salamander handbook");
    assertThat(texts(alice.vectorSearch(q, 10, SearchScope.all())))
        .containsExactlyInAnyOrder("alice private salamander diary", "team salamander handbook");
    assertThat(texts(bob.keywordSearch("salamander diary", 10, SearchScope.all())))
        .containsExactlyInAnyOrder("bob private salamander plans", "team salamander handbook");
    assertThat(texts(team.keywordSearch("salamander", 10, SearchScope.all())))
        .containsExactly("team salamander handbook");
    assertThat(alice.files())
        .extracting(IndexedFile::path)
        .doesNotContain("memory/b.md", "knowledge/handbook.md");
    assertThat(alice.stats().files()).isEqualTo(5);
  }

  @Test
  void writesAndModelSwitchesStayInTheirWorkspace() {
    PostgresMemoryIndex carol = PostgresMemoryIndex.open(PGLITE.db(), "iso-carol", Set.of());
    PostgresMemoryIndex dave = PostgresMemoryIndex.open(PGLITE.db(), "iso-dave", Set.of());
    carol.useEmbeddingModel("m1", 3);
    dave.useEmbeddingModel("m1", 3);
    put(carol, "same.md", "carol capybara", 1, 0, 0);
    put(dave, "same.md", "dave capybara", 1, 0, 0);
    dave.cacheEmbeddings("m1", Map.of("k", Embedding.of(new float[] {1, 2, 3})));

    carol.deleteFile("same.md");
    carol.useEmbeddingModel("m2", 4);

    assertThat(dave.file("same.md")).isPresent();
    assertThat(texts(dave.keywordSearch("capybara", 5, SearchScope.all())))
        .containsExactly("dave capybara");
    assertThat(dave.embeddingModel()).contains("m1");
    assertThat(carol.cachedEmbeddings("m1", List.of("k"))).isEmpty();
    assertThat(dave.cachedEmbeddings("m1", List.of("k"))).containsKey("k");
    assertThat(dave.chunksWithoutVector(10))
        .extracting(p -> p.text())
        .doesNotContain("carol capybara");
  }

  @Test
  void workspaceIdsAreChecked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PostgresMemoryIndex.open(PGLITE.db(), "a b", Set.of()))
        .hasMessageContaining("workspace id must be");
  }
}
