package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.SearchScope;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {
  @Test
  void theSameSeedGivesTheSameWords() {
    assertThat(new SyntheticCorpus(new Random(1)).words(5))
        .isEqualTo(new SyntheticCorpus(new Random(1)).words(5));
  }

  @Test
  void questionsAreSeveralWordsWithFunctionWordsLikeRealOnes() {
    SyntheticCorpus corpus = new SyntheticCorpus(new Random(5));
    for (int i = 0; i < 20; i++) {
      List<String> words = List.of(corpus.question().split(" "));
      assertThat(words.size()).isBetween(5, 16);
      assertThat(words).containsAnyOf("the", "about", "of", "is", "there", "we", "did", "does");
    }
  }

  @Test
  void proseMixesFunctionWordsIntoThePseudoWords() {
    List<String> words = List.of(new SyntheticCorpus(new Random(6)).prose(400).split(" "));
    assertThat(words).hasSize(400);
    long common =
        words.stream().filter(w -> w.equals("the") || w.equals("of") || w.equals("and")).count();
    assertThat(common).isBetween(5L, 60L);
  }

  @Test
  void fillWithTextsTakesThemInTurn() {
    InMemoryMemoryIndex index = new InMemoryMemoryIndex();
    new SyntheticCorpus(new Random(3)).fill(index, 12, List.of("alpha text", "beta text"));
    assertThat(index.stats().chunks()).isEqualTo(12);
    assertThat(index.keywordSearch("beta", 20, SearchScope.all())).hasSize(6);
  }

  @Test
  void fillWritesTheAskedNumberOfChunksTenPerFile() {
    InMemoryMemoryIndex index = new InMemoryMemoryIndex();
    new SyntheticCorpus(new Random(3)).fill(index, 25);
    assertThat(index.files()).hasSize(3);
    assertThat(index.stats().chunks()).isEqualTo(25);
    assertThat(index.embeddingModel()).contains(SyntheticCorpus.MODEL_ID);
  }
}
