package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDataTest {
  @TempDir Path dir;

  @Test
  void qrelsSkipTheHeaderAndBlankLinesAndGroupByQuery() throws IOException {
    Path qrels = dir.resolve("qrels.tsv");
    Files.writeString(qrels, "query-id\tcorpus-id\tscore\n1\td1\t1\n\n1\td2\t2\n7\td9\t0\n");
    Map<String, Map<String, Integer>> judged = BeirData.readQrels(qrels);
    assertThat(judged).containsOnlyKeys("1", "7");
    assertThat(judged.get("1")).containsExactlyInAnyOrderEntriesOf(Map.of("d1", 1, "d2", 2));
    assertThat(judged.get("7")).containsEntry("d9", 0);
  }

  @Test
  void aScoreThatIsNotANumberNamesTheFileAndLine() throws IOException {
    Path qrels = dir.resolve("qrels.tsv");
    Files.writeString(qrels, "1\td1\t1\n1\td2\thigh\n");
    assertThatThrownBy(() -> BeirData.readQrels(qrels))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining(qrels.toString())
        .hasMessageContaining("query-id<TAB>corpus-id<TAB>score");
  }

  @Test
  void aMissingQrelsFileIsAnIoProblemNamingIt() {
    Path missing = dir.resolve("nope.tsv");
    assertThatThrownBy(() -> BeirData.readQrels(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("nope.tsv");
  }

  @Test
  void documentsBecomeMarkdownFilesWithTheTitleAsHeading() throws IOException {
    Map<String, String> docOfPath =
        BeirData.writeMarkdown(
            List.of(
                new BeirData.Doc("a1", "Cells ", "Mitochondria make energy."),
                new BeirData.Doc("b2", "", "No title here.")),
            dir.resolve("ws"));
    assertThat(docOfPath)
        .containsExactlyInAnyOrderEntriesOf(Map.of("docs/d0.md", "a1", "docs/d1.md", "b2"));
    assertThat(dir.resolve("ws/docs/d0.md")).hasContent("# Cells\n\nMitochondria make energy.\n");
    assertThat(dir.resolve("ws/docs/d1.md")).hasContent("No title here.\n");
  }
}
