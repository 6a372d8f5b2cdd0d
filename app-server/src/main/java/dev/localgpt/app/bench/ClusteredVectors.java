package dev.localgpt.app.bench;

import dev.localgpt.adapter.postgres.PostgresMemoryIndex;
import dev.localgpt.core.memory.eval.Latency;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * Clustered 384-d unit vectors, as real embeddings are (topics): one center per 50 vectors, each
 * vector about 0.7 cosine from its center. For HNSW recall against the exact top 10, which is
 * computed here by brute force.
 */
final class ClusteredVectors {
  static final int DIM = 384;
  private static final int PER_CLUSTER = 50;
  private static final int PER_FILE = 10;

  /** Recall@k and the k-NN latency of the measured queries. */
  record Result(double recall, Latency latency) {}

  private final Random random;
  private final float[][] centers;
  private final List<float[]> vectors = new ArrayList<>();

  ClusteredVectors(Random random, int count) {
    this.random = random;
    this.centers = new float[Math.max(1, count / PER_CLUSTER)][];
    for (int k = 0; k < centers.length; k++) {
      centers[k] = gaussian();
    }
    for (int i = 0; i < count; i++) {
      vectors.add(nearCenter(random.nextInt(centers.length)));
    }
  }

  /** Writes the vectors through a bulk load, ten chunks per file {@code c/f<n>.md}. */
  void fill(PostgresMemoryIndex index) {
    try (PostgresMemoryIndex load = index.bulkLoad()) {
      load.useEmbeddingModel("clustered", DIM);
      for (int f = 0; f * PER_FILE < vectors.size(); f++) {
        List<NewChunk> chunks = new ArrayList<>();
        for (int c = 0; c < PER_FILE && f * PER_FILE + c < vectors.size(); c++) {
          float[] v = vectors.get(f * PER_FILE + c);
          chunks.add(new NewChunk(c + 1, c + 1, "", "v" + f, "c" + f + "-" + c, Embedding.of(v)));
        }
        load.replaceFile(new IndexedFile("c/f" + f + ".md", "memory", "c" + f, 0, 1), chunks);
      }
    }
  }

  /** Recall@{@code k} of {@code queries} queries near random centers, and their latency. */
  Result measure(PostgresMemoryIndex index, int queries, int k) {
    double sum = 0;
    long[] nanos = new long[queries];
    for (int q = 0; q < queries; q++) {
      float[] query = nearCenter(random.nextInt(centers.length));
      long t0 = System.nanoTime();
      List<ScoredChunk> hits = index.vectorSearch(Embedding.of(query), k, SearchScope.all());
      nanos[q] = System.nanoTime() - t0;
      Set<Integer> found = new HashSet<>();
      for (ScoredChunk h : hits) {
        String path = h.chunk().path();
        int file = Integer.parseInt(path.substring("c/f".length(), path.length() - 3));
        found.add(file * PER_FILE + h.chunk().startLine() - 1);
      }
      found.retainAll(exactTop(query, k));
      sum += (double) found.size() / k;
    }
    return new Result(sum / queries, Latency.of(nanos));
  }

  private Set<Integer> exactTop(float[] query, int k) {
    PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    for (int i = 0; i < vectors.size(); i++) {
      best.add(new double[] {dot(query, vectors.get(i)), i});
      if (best.size() > k) {
        best.poll();
      }
    }
    Set<Integer> top = new HashSet<>();
    best.forEach(e -> top.add((int) e[1]));
    return top;
  }

  private float[] nearCenter(int cluster) {
    float[] noise = gaussian();
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = centers[cluster][i] + noise[i];
    }
    return Embedding.normalized(v).toArray();
  }

  private float[] gaussian() {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) (random.nextGaussian() / Math.sqrt(DIM));
    }
    return v;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
