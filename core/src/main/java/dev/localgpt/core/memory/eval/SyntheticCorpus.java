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
import java.util.function.IntFunction;

/**
 * Random pseudo-words and random unit vectors for the search benchmark; the same seed gives the
 * same corpus. Chunks and questions mix the pseudo-words with English function words at about the
 * rate of real prose, so a keyword query meets the same near-universal terms as on real notes.
 */
public final class SyntheticCorpus {
  /** Dimension of the random vectors (that of MiniLM). */
  public static final int DIM = 384;

  /** The embedding model id the synthetic vectors are stored under. */
  public static final String MODEL_ID = "synthetic";

  private static final int VOCABULARY = 5000;
  private static final int CHUNKS_PER_FILE = 10;
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  /** Words per chunk: about the 1,600 characters of a chunk of real notes. */
  static final int CHUNK_WORDS = 200;

  private static final double FUNCTION_WORD_SHARE = 0.45;
  private static final String[] FUNCTION_WORDS = {
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as", "we",
    "at", "be", "this", "by", "from", "or", "have", "an", "not", "but", "are", "were", "which",
    "there", "can", "their", "if", "do", "will", "about", "has", "our", "would", "so", "been"
  };
  private static final String[] OPENERS = {
    "what did we decide about the",
    "how does the",
    "when is the",
    "why was the",
    "where did I write down the",
    "what is the status of the",
    "who said that the",
    "which of the",
    "is there a note on the",
    "what do we know about"
  };

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

  /** {@code n} words of prose: Zipf-like pseudo-words with English function words between them. */
  public String prose(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : " ")
          .append(
              random.nextDouble() < FUNCTION_WORD_SHARE
                  ? FUNCTION_WORDS[random.nextInt(FUNCTION_WORDS.length)]
                  : words(1));
    }
    return b.toString();
  }

  /**
   * A question as people type one: an opening like "what did we decide about the", then 3 to 5
   * content words.
   */
  public String question() {
    StringBuilder b = new StringBuilder(OPENERS[random.nextInt(OPENERS.length)]);
    int content = 3 + random.nextInt(3);
    for (int i = 0; i < content; i++) {
      b.append(' ').append(words(1));
      if (i < content - 1 && random.nextBoolean()) {
        b.append(' ').append(FUNCTION_WORDS[random.nextInt(FUNCTION_WORDS.length)]);
      }
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

  /**
   * Writes {@code chunks} chunks of {@link #CHUNK_WORDS} words of prose with random vectors, ten
   * per file.
   */
  public void fill(MemoryIndex index, int chunks) {
    fill(index, chunks, i -> prose(CHUNK_WORDS));
  }

  /**
   * Writes {@code chunks} chunks with random vectors, ten per file {@code notes/f<n>.md}, taking
   * their texts from {@code texts} in turn (from the start again when it runs out), e.g. real
   * chunks of a BEIR corpus.
   */
  public void fill(MemoryIndex index, int chunks, List<String> texts) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("'texts' must not be empty");
    }
    fill(index, chunks, i -> texts.get(i % texts.size()));
  }

  private void fill(MemoryIndex index, int chunks, IntFunction<String> text) {
    index.useEmbeddingModel(MODEL_ID, DIM);
    for (int f = 0; f * CHUNKS_PER_FILE < chunks; f++) {
      List<NewChunk> list = new ArrayList<>();
      for (int c = 0; c < CHUNKS_PER_FILE && f * CHUNKS_PER_FILE + c < chunks; c++) {
        int i = f * CHUNKS_PER_FILE + c;
        list.add(
            new NewChunk(
                c * 5 + 1, c * 5 + 5, "", text.apply(i), "h" + f + "-" + c, randomUnit(random)));
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
        Files.writeString(
            workspace.resolve("notes/n" + i + ".md"),
            "# Note " + i + "\n\n" + words.words(40) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write benchmark files: " + e.getMessage(), e);
    }
  }
}
