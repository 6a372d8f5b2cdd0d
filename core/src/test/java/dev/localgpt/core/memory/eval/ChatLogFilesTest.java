package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatLogFilesTest {
  @TempDir Path dir;

  @Test
  void writesCorpusQueriesAndQrelsInBeirFormWithTheAnsweringTurn() throws IOException {
    ChatLogCorpus corpus = ChatLogCorpus.generate(7, 30, 20);
    ChatLogFiles.write(corpus, dir);

    List<String> docs = Files.readAllLines(dir.resolve("corpus.jsonl"));
    assertThat(docs).hasSize(30);
    assertThat(docs.get(0))
        .startsWith("{\"_id\": \"conv0001\", \"title\": \"Chat log 2025-01-01\", \"text\": \"")
        .contains("\\n\\n")
        .doesNotContain("\n");
    assertThat(Files.readAllLines(dir.resolve("queries.jsonl"))).hasSize(corpus.questions().size());
    ChatLogCorpus.Question first = corpus.questions().get(0);
    assertThat(BeirData.readQrels(dir.resolve("qrels/test.tsv"))).isEqualTo(corpus.beir().qrels());
    assertThat(Files.readAllLines(dir.resolve("qrels/turns.tsv")))
        .contains(first.id() + "\t" + first.conversationId() + "\t" + first.turn());
  }

  @Test
  void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
    assertThat(ChatLogFiles.json("a \"b\" \\ c\nd\te\u0001"))
        .isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\te\\u0001\"");
  }
}
