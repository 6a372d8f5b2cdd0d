package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.IndexRoots;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.core.memory.MemoryIndexer;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark over the in-memory index and the hashing embedder: every leg runs, metrics come out
 * of the hits.
 */
class RetrievalBenchmarkTest {
  @TempDir Path dir;

  private final BeirData data =
      new BeirData(
          List.of(
              new BeirData.Doc(
                  "kayak", "Kayaks", "A kayak is a small boat moved with a double paddle."),
              new BeirData.Doc("bread", "Bread", "Sourdough bread rises slowly with wild yeast."),
              new BeirData.Doc("bikes", "Bicycles", "A bicycle chain needs oil after rain.")),
          Map.of("q1", "sourdough yeast", "q2", "bicycle chain oil", "q3", "not judged"),
          judged());

  private static Map<String, Map<String, Integer>> judged() {
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    qrels.put("q1", Map.of("bread", 1));
    qrels.put("q2", Map.of("bikes", 2));
    qrels.put("q9", Map.of("kayak", 1));
    return qrels;
  }

  @Test
  void judgedQueriesAreThoseWithATextInQrelsOrderUpToTheLimit() {
    assertThat(RetrievalBenchmark.judgedQueries(data, 0)).containsExactly("q1", "q2");
    assertThat(RetrievalBenchmark.judgedQueries(data, 1)).containsExactly("q1");
  }

  @Test
  void everyLegIsEvaluatedAndExactKeywordMatchesScorePerfectly() throws Exception {
    Path workspace = dir.resolve("ws");
    Map<String, String> docOfPath = BeirData.writeMarkdown(data.corpus(), workspace);
    InMemoryMemoryIndex index = new InMemoryMemoryIndex();
    HashingEmbedder embedder = new HashingEmbedder();
    new MemoryIndexer(IndexRoots.of(workspace), new MarkdownChunker(), Optional.of(embedder), 8)
        .index(index, false, IndexListener.NONE);
    Path dump = dir.resolve("legs.tsv");

    List<RetrievalBenchmark.Row> rows =
        RetrievalBenchmark.evaluate(
            data,
            docOfPath,
            index,
            embedder,
            SearchSettings.defaults(),
            FusionSpec.parse(List.of("rrf")),
            List.of("q1", "q2"),
            Optional.of(dump));

    assertThat(rows)
        .extracting(RetrievalBenchmark.Row::leg)
        .containsExactly("bm25", "vector", "hybrid rrf");
    RetrievalBenchmark.Row bm25 = rows.get(0);
    assertThat(bm25.ndcg10()).isCloseTo(1.0, within(1e-12));
    assertThat(bm25.recall100()).isCloseTo(1.0, within(1e-12));
    assertThat(Files.readAllLines(dump)).first().isEqualTo("query\tleg\trank\tdoc\tchunk\tscore");
    assertThat(Files.readAllLines(dump)).anyMatch(l -> l.startsWith("q1\tbm25\t1\tbread\t"));
  }
}
