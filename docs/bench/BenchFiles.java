// The files the offline harnesses in this folder share (Java 22+ finds this class beside the launched file): a kept
// index's chunks and window vectors, a cache file of float vectors, and a BEIR folder (corpus.jsonl, queries.jsonl, a qrels TSV).

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.core.memory.eval.BeirData;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import dev.localgpt.ports.memory.StoredChunk;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

final class BenchFiles {
  private BenchFiles() {}

  /** A stored vector blob (little-endian floats) as floats. */
  static float[] floats(byte[] blob) {
    float[] v = new float[blob.length / 4];
    ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  static void writeVectors(Path file, List<float[]> vectors) throws Exception {
    try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(vectors.size());
      out.writeInt(vectors.isEmpty() ? 0 : vectors.get(0).length);
      for (float[] v : vectors) {
        for (float x : v) {
          out.writeFloat(x);
        }
      }
    }
  }

  static List<float[]> readVectors(Path file) throws Exception {
    try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      int dim = in.readInt();
      List<float[]> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
          v[d] = in.readFloat();
        }
        out.add(v);
      }
      return out;
    }
  }

  static BeirData beir(Path dir, Path qrels) throws Exception {
    List<BeirData.Doc> docs = new ArrayList<>();
    eachLine(
        dir.resolve("corpus.jsonl"),
        n -> docs.add(new BeirData.Doc(n.path("_id").asText(), n.path("title").asText(""), n.path("text").asText(""))));
    Map<String, String> queries = new LinkedHashMap<>();
    eachLine(dir.resolve("queries.jsonl"), n -> queries.put(n.path("_id").asText(), n.path("text").asText("")));
    return new BeirData(docs, queries, BeirData.readQrels(qrels));
  }

  /** A BEIR folder's test qrels: {@code qrels/test.tsv}, else {@code qrels-test.tsv}. */
  static Path testQrels(Path data) {
    return Files.exists(data.resolve("qrels/test.tsv")) ? data.resolve("qrels/test.tsv") : data.resolve("qrels-test.tsv");
  }

  /**
   * A kept index's chunks in id order, the row of each chunk id, and each chunk's window vectors: its first window
   * ({@code chunks.embedding}), then {@code chunk_windows} by {@code n}.
   */
  record KeptWindows(List<StoredChunk> chunks, Map<Long, Integer> rowOfId, List<List<float[]>> windows) {}

  static KeptWindows keptWindows(Path db) throws Exception {
    List<StoredChunk> chunks = new ArrayList<>();
    Map<Long, Integer> row = new HashMap<>();
    List<List<float[]>> windows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select id, path, source, start_line, end_line, heading_path, text, "
          + "embedding from chunks order by id")) {
        while (rs.next()) {
          row.put(rs.getLong(1), chunks.size());
          chunks.add(new StoredChunk(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
              rs.getString(6), rs.getString(7)));
          List<float[]> w = new ArrayList<>();
          w.add(floats(rs.getBytes(8)));
          windows.add(w);
        }
      }
      try (ResultSet rs = s.executeQuery("select chunk_id, n, embedding from chunk_windows order by chunk_id, n")) {
        while (rs.next()) {
          windows.get(row.get(rs.getLong(1))).add(floats(rs.getBytes(3)));
        }
      }
    }
    return new KeptWindows(chunks, row, windows);
  }

  /**
   * The {@code limit} chunks with the highest {@code score} (indexed like {@code chunks}) that {@code scope} admits,
   * best first.
   */
  static List<ScoredChunk> topByScore(List<StoredChunk> chunks, double[] score, int limit, SearchScope scope) {
    PriorityQueue<Integer> top = new PriorityQueue<>((a, b) -> Double.compare(score[a], score[b]));
    for (int c = 0; c < score.length; c++) {
      if (!scope.admits(chunks.get(c).source())) {
        continue;
      }
      top.add(c);
      if (top.size() > limit) {
        top.poll();
      }
    }
    List<ScoredChunk> out = new ArrayList<>();
    while (!top.isEmpty()) {
      int c = top.poll();
      out.add(new ScoredChunk(chunks.get(c), score[c]));
    }
    Collections.reverse(out);
    return out;
  }

  private static void eachLine(Path jsonl, Consumer<JsonNode> sink) throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(jsonl)) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        if (!l.isBlank()) {
          sink.accept(json.readTree(l));
        }
      }
    }
  }
}
