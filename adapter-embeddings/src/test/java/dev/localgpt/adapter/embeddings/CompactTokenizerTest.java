package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompactTokenizerTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(EmbeddingModelChoice.class)
  void readsBackATokenizerThatEncodesLikeItsJson(EmbeddingModelChoice choice) {
    BertTokenizer json = Golden.tokenizer(choice);
    Path file = dir.resolve(choice.id() + ".wordpiece");

    assertThat(CompactTokenizer.write(json, file)).isTrue();
    BertTokenizer compact = CompactTokenizer.read(file).orElseThrow();

    assertThat(compact.normalizer()).isEqualTo(json.normalizer());
    assertThat(compact.wordPiece().vocabulary()).isEqualTo(json.wordPiece().vocabulary());
    for (Golden golden : Golden.load(choice)) {
      assertThat(compact.encode(choice.documentText(golden.text()), choice.maxTokens()))
          .as(golden.text())
          .containsExactly(golden.ids());
    }
  }

  @Test
  void aTruncatedFileIsRejectedAndDeleted() throws IOException {
    Path file = dir.resolve("minilm.wordpiece");
    CompactTokenizer.write(Golden.tokenizer(EmbeddingModelChoice.ALL_MINILM_L6_V2_Q), file);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThat(CompactTokenizer.read(file)).isEmpty();
    assertThat(file).doesNotExist();
  }

  @Test
  void aFileInAnotherFormatIsRejected() throws IOException {
    Path file = dir.resolve("other.wordpiece");
    Files.writeString(file, "{\"model\": {}}\n[UNK]\n##\nhello", StandardCharsets.UTF_8);

    assertThat(CompactTokenizer.read(file)).isEmpty();
    assertThat(CompactTokenizer.read(dir.resolve("missing.wordpiece"))).isEmpty();
  }

  @Test
  void theModelReadsItsTokenizerFromTheCacheOnceWritten() throws IOException {
    OnnxCache cache = new OnnxCache(dir, getClass().getClassLoader());
    EmbeddingModelChoice choice = EmbeddingModelChoice.ALL_MINILM_L6_V2_Q;
    Path file = cache.tokenizer(choice).orElseThrow();
    assertThat(file).doesNotExist();

    BertTokenizer first = OnnxModel.readTokenizer(choice, cache);
    assertThat(file).exists();
    // a compact file with one token changed shows whether the second read used it
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int helloLine = lines.indexOf("hello");
    lines.set(helloLine, "zzqqxx");
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    BertTokenizer second = OnnxModel.readTokenizer(choice, cache);

    assertThat(first.encode("zzqqxx", 10)).isNotEqualTo(second.encode("zzqqxx", 10));
    assertThat(second.encode("zzqqxx", 10)).containsExactly(101, helloLine - 3, 102);
  }
}
