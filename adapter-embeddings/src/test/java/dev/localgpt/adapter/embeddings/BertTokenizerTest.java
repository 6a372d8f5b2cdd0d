package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BertTokenizerTest {
  private static final int CLS = 101;
  private static final int SEP = 102;
  private static final int UNK = 100;
  private static BertTokenizer minilm;

  @BeforeAll
  static void loadTokenizer() {
    minilm = Golden.tokenizer(EmbeddingModelChoice.ALL_MINILM_L6_V2_Q);
  }

  @ParameterizedTest
  @EnumSource(EmbeddingModelChoice.class)
  void producesExactlyTheReferenceTokenIdsForTrickyTexts(EmbeddingModelChoice choice) {
    BertTokenizer tokenizer = Golden.tokenizer(choice);
    List<Golden> cases = Golden.load(choice);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(15);
    for (Golden golden : cases) {
      assertThat(tokenizer.encode(choice.documentText(golden.text()), choice.maxTokens()))
          .as("ids of %s for %s", choice.id(), golden.text())
          .containsExactly(golden.ids());
    }
  }

  @Test
  void wrapsTextInClsAndSep() {
    int[] ids = minilm.encode("hello world", 256);
    assertThat(ids).hasSize(4);
    assertThat(ids[0]).isEqualTo(CLS);
    assertThat(ids[3]).isEqualTo(SEP);
  }

  @Test
  void emptyAndBlankTextsAreJustClsAndSep() {
    assertThat(minilm.encode("", 256)).containsExactly(CLS, SEP);
    assertThat(minilm.encode(" \t\n\u00a0\u3000 ", 256)).containsExactly(CLS, SEP);
  }

  @Test
  void lowercasesAndStripsAccents() {
    assertThat(minilm.encode("CAFÉ Résumé", 256))
        .containsExactly(minilm.encode("cafe resume", 256));
  }

  @Test
  void splitsPunctuationIntoItsOwnTokens() {
    assertThat(minilm.encode("a,b", 256)).containsExactly(minilm.encode("a , b", 256));
    assertThat(minilm.encode("x¿y", 256)).containsExactly(minilm.encode("x ¿ y", 256));
  }

  @Test
  void treatsEachChineseCharacterAsAWord() {
    assertThat(minilm.encode("中文", 256)).containsExactly(minilm.encode("中 文", 256));
  }

  @Test
  void usesContinuationPiecesForUnknownWholeWords() {
    int[] ids = minilm.encode("unbelievably", 256);
    assertThat(ids.length).isGreaterThan(3);
    assertThat(ids).doesNotContain(UNK);
  }

  @Test
  void wordsLongerThanOneHundredCharactersBecomeUnknown() {
    assertThat(minilm.encode("a".repeat(101), 256)).containsExactly(CLS, UNK, SEP);
    assertThat(minilm.encode("a".repeat(100), 256)).doesNotContain(UNK);
  }

  @Test
  void truncatesToTheLimitAndKeepsSepLast() {
    String text = "word ".repeat(1000);
    int[] ids = minilm.encode(text, 256);
    assertThat(ids).hasSize(256);
    assertThat(ids[0]).isEqualTo(CLS);
    assertThat(ids[255]).isEqualTo(SEP);
    assertThat(minilm.encode(text, 512)).hasSize(512).startsWith(java.util.Arrays.copyOf(ids, 255));
  }

  @Test
  void countsWordPiecesWithoutSpecialTokensAndWithoutTruncation() {
    assertThat(minilm.count("")).isZero();
    assertThat(minilm.count("hello world")).isEqualTo(2);
    assertThat(minilm.count("unbelievably"))
        .isEqualTo(minilm.encode("unbelievably", 256).length - 2);
    assertThat(minilm.count("word ".repeat(1000))).isEqualTo(1000);
    String a = "Aspirin (ASA) reduces fever;";
    String b = "it was tested in 2019-2020.";
    assertThat(minilm.count(a + "\n" + b)).isEqualTo(minilm.count(a) + minilm.count(b));
  }

  @Test
  void dropsControlAndZeroWidthCharacters() {
    assertThat(minilm.encode("ab\u0000c\u200bd\u0007", 256))
        .containsExactly(minilm.encode("abcd", 256));
  }

  @Test
  void rejectsATokenizerThatIsNotBertWordPiece() {
    String json =
        "{\"normalizer\":{\"type\":\"NFC\"},\"pre_tokenizer\":{\"type\":\"BertPreTokenizer\"},"
            + "\"model\":{\"type\":\"WordPiece\",\"vocab\":{}}}";
    assertThatThrownBy(
            () ->
                BertTokenizer.fromJson(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'normalizer' must be BertNormalizer");
  }
}
