package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {
  @Test
  void theSameSeedGivesTheSameWords() {
    assertThat(new SyntheticCorpus(new Random(1)).words(5)).isEqualTo(new SyntheticCorpus(new Random(1)).words(5));
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
