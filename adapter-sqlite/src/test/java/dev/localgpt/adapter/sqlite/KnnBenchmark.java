package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Prints p50/p95 k-NN latency (k = 40) for sqlite-vec and the Java brute force, and keyword search
 * p50, at 10k and 100k random 384-d vectors. Run: {@code java -cp ...
 * dev.localgpt.adapter.sqlite.KnnBenchmark [sizes...]}. Latencies are end to end through the port
 * (k-NN plus reading the 40 chunk rows).
 */
public final class KnnBenchmark {
  static final int DIM = 384;
  static final int K = 40;
  static final int QUERIES = 100;
  static final String[] WORDS = words();

  private KnnBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes =
        args.length == 0
            ? new int[] {10_000, 100_000}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.println(
        "sqlite-vec: " + SqliteOptions.findSqliteVec().map(Path::toString).orElse("absent"));
    for (int n : sizes) {
      Path dir = Files.createTempDirectory("knn-bench");
      try (SqliteMemoryIndex index =
          SqliteMemoryIndex.open(dir.resolve("bench.sqlite"), SqliteOptions.defaults())) {
        long t0 = System.nanoTime();
        fill(index, n, new Random(n));
        double fillSec = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "%n%,d chunks x %d dims: indexed in %.1f s (%.0f chunks/s), db %,d bytes, backend %s%n",
            n,
            DIM,
            fillSec,
            n / fillSec,
            index.stats().sizeBytes(),
            index.vectorBackend());
        Random r = new Random(1);
        List<Embedding> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
          queries.add(Fixtures.randomUnit(r, DIM));
        }
        long load = System.nanoTime();
        index.javaVectorSearch(queries.getFirst(), K, SearchScope.all());
        System.out.printf(
            Locale.ROOT,
            "first java k-NN query (loads the matrix if needed): %.0f ms%n",
            (System.nanoTime() - load) / 1e6);
        if (index.stats().vectorBackend().equals("sqlite-vec")) {
          report("vec0 k-NN", queries, q -> index.vec0VectorSearch(q, K, SearchScope.all()));
          report(
              "vec0 k-NN scoped",
              queries,
              q -> index.vec0VectorSearch(q, K, SearchScope.only("s1")));
        }
        report("java k-NN", queries, q -> index.javaVectorSearch(q, K, SearchScope.all()));
        report(
            "java k-NN scoped", queries, q -> index.javaVectorSearch(q, K, SearchScope.only("s1")));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
          texts.add(
              WORDS[r.nextInt(WORDS.length)]
                  + " "
                  + WORDS[r.nextInt(WORDS.length)]
                  + " "
                  + WORDS[r.nextInt(WORDS.length)]);
        }
        report("keyword (3 terms)", texts, t -> index.keywordSearch(t, K, SearchScope.all()));
      } finally {
        try (var files = Files.walk(dir)) {
          files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  interface Query<T> {
    Object run(T input);
  }

  static <T> void report(String label, List<T> inputs, Query<T> query) {
    for (int i = 0; i < 20; i++) {
      query.run(inputs.get(i % inputs.size()));
    }
    long[] nanos = new long[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      long t = System.nanoTime();
      query.run(inputs.get(i));
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-20s p50 %7.2f ms   p95 %7.2f ms%n",
        label,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.95)] / 1e6);
  }

  static void fill(SqliteMemoryIndex index, int n, Random random) {
    index.useEmbeddingModel("bench", DIM);
    int perFile = 100;
    for (int f = 0; f * perFile < n; f++) {
      List<NewChunk> chunks = new ArrayList<>(perFile);
      for (int c = 0; c < perFile && f * perFile + c < n; c++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 60; w++) {
          text.append(
                  WORDS[
                      (int)
                          Math.min(
                              WORDS.length - 1,
                              Math.abs(random.nextGaussian()) * WORDS.length / 3)])
              .append(' ');
        }
        String t = text.toString();
        chunks.add(
            new NewChunk(
                c * 10 + 1,
                c * 10 + 9,
                "",
                t,
                Fixtures.sha256(t + f + c),
                Fixtures.randomUnit(random, DIM)));
      }
      index.replaceFile(new IndexedFile("f" + f + ".md", "s" + (f % 4), "h" + f, 0, 1), chunks);
    }
  }

  private static String[] words() {
    Random r = new Random(99);
    String[] words = new String[5000];
    for (int i = 0; i < words.length; i++) {
      char[] w = new char[3 + r.nextInt(7)];
      for (int j = 0; j < w.length; j++) {
        w[j] = (char) ('a' + r.nextInt(26));
      }
      words[i] = new String(w);
    }
    return words;
  }
}
