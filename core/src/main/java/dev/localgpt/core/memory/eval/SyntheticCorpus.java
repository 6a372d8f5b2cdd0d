package dev.localgpt.core.memory.eval;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.NewChunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random pseudo-words and random unit vectors for the search benchmark; the same seed gives the same corpus. */
public final class SyntheticCorpus {
  /** Dimension of the random vectors (that of MiniLM). */
  public static final int DIM = 384;
  /** The embedding model id the synthetic vectors are stored under. */
  public static final String MODEL_ID = "synthetic";
  private static final int VOCABULARY = 5000;
  private static final int CHUNKS_PER_FILE = 10;
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  private final Random random;
  private final String[] vocabulary = new String[VOCABULARY];

  public SyntheticCorpus(Random random) {
    this.random = random;
    for (int i = 0; i < VOCABULARY; i++) {
      StringBuilder w = new StringBuilder();
      int len = 3 + random.nextInt(7);
      for (int j = 0; j < len; j++) {
        w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
      }
      vocabulary[i] = w.toString();
    }
  }

  /** {@code n} words, Zipf-like (frequent words are likelier). */
  public String words(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      int idx = (int) (Math.pow(u, 2.5) * VOCABULARY);
      b.append(i == 0 ? "" : " ").append(vocabulary[Math.min(VOCABULARY - 1, idx)]);
    }
    return b.toString();
  }

  /** A random vector of length 1 in {@link #DIM} dimensions. */
  public static Embedding randomUnit(Random random) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return Embedding.normalized(v);
  }

  /** Writes {@code chunks} chunks of 60 words with random vectors, ten per file {@code notes/f<n>.md}. */
  public void fill(MemoryIndex index, int chunks) {
    index.useEmbeddingModel(MODEL_ID, DIM);
    for (int f = 0; f * CHUNKS_PER_FILE < chunks; f++) {
      List<NewChunk> list = new ArrayList<>();
      for (int c = 0; c < CHUNKS_PER_FILE && f * CHUNKS_PER_FILE + c < chunks; c++) {
        String text = words(60);
        list.add(new NewChunk(c * 5 + 1, c * 5 + 5, "", text, "h" + f + "-" + c, randomUnit(random)));
      }
      index.replaceFile(new IndexedFile("notes/f" + f + ".md", "memory", "h" + f, 0, 1), list);
    }
  }

  /** {@code n} small Markdown files under {@code workspace/notes/}. */
  public static void writeFiles(Path workspace, int n, Random random) {
    SyntheticCorpus words = new SyntheticCorpus(random);
    try {
      Files.createDirectories(workspace.resolve("notes"));
      for (int i = 0; i < n; i++) {
        Files.writeString(workspace.resolve("notes/n" + i + ".md"), "# Note " + i + "\n\n" + words.words(40) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write benchmark files: " + e.getMessage(), e);
    }
  }
}
