package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import dev.localgpt.ports.text.QueryTerms;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keyword leg alone on a BEIR set: FTS5 {@code 'optimize'} (cost, and the leg's CPU before and
 * after) and dropping terms present in more than a share of rows (CPU and nDCG@10). Run: {@code
 * java -cp ... dev.localgpt.adapter.sqlite.FtsBenchmark corpus.jsonl queries.jsonl qrels.tsv
 * maxChunks [dropShares...]} (maxChunks 0: the whole corpus). Documents are cut into chunks of 80
 * words, one file per document, written one transaction per file as an index run does.
 */
public final class FtsBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FtsBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String[]> docs = jsonl(Path.of(args[0]), "title");
    List<String[]> queries = jsonl(Path.of(args[1]), null);
    Map<String, Map<String, Integer>> qrels = qrels(Path.of(args[2]));
    int maxChunks = Integer.parseInt(args[3]);
    List<Double> shares = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      shares.add(Double.parseDouble(args[i]));
    }
    queries.removeIf(q -> !qrels.containsKey(q[0]));
    System.out.printf(Locale.ROOT, "load %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    Path dir = Files.createTempDirectory("fts-bench");
    try (SqliteMemoryIndex plain = SqliteMemoryIndex.open(dir.resolve("plain.sqlite"));
        SqliteMemoryIndex merged = SqliteMemoryIndex.open(dir.resolve("merged.sqlite"));
        SqliteMemoryIndex policy = SqliteMemoryIndex.open(dir.resolve("policy.sqlite"));
        SqliteMemoryIndex paused = SqliteMemoryIndex.open(dir.resolve("paused.sqlite"))) {
      plain.mergeKeywordsAfter(Integer.MAX_VALUE);
      merged.mergeKeywordsAfter(Integer.MAX_VALUE);
      long[] t = start();
      int chunks = load(plain, docs, maxChunks);
      System.out.printf(Locale.ROOT, "load %d chunks, no merges: %s%n", chunks, stop(t));
      load(merged, docs, maxChunks);
      t = start();
      load(policy, docs, maxChunks);
      System.out.printf(Locale.ROOT, "load with the merge policy: %s%n", stop(t));
      load(paused, docs, maxChunks);
      t = start();
      paused.mergePendingKeywords();
      System.out.printf(Locale.ROOT, "the pause's merge: %s%n", stop(t));
      t = start();
      merged.optimizeKeywords();
      System.out.printf(Locale.ROOT, "optimize: %s%n", stop(t));
      System.out.printf(
          Locale.ROOT,
          "segments: no merges %d, merged %d, policy before its idle merge %d, after %d%n",
          segments(plain),
          segments(merged),
          segments(policy),
          segments(paused));
      for (int round = 0; round < 4; round++) {
        legCpu(plain, queries, "no merges");
        legCpu(merged, queries, "merged");
        legCpu(policy, queries, "policy, before its idle merge");
        legCpu(paused, queries, "policy, after its idle merge");
      }
      report(merged, queries, qrels, chunks, 1.0);
      for (double share : shares) {
        report(merged, queries, qrels, chunks, share);
      }
    }
  }

  private static void report(
      SqliteMemoryIndex index,
      List<String[]> queries,
      Map<String, Map<String, Integer>> qrels,
      int rows,
      double share) {
    Map<String, Long> df = new HashMap<>();
    long[] t = start();
    List<String> texts = new ArrayList<>();
    int dropped = 0;
    for (String[] q : queries) {
      List<String> terms = QueryTerms.selected(q[1]);
      List<String> kept = new ArrayList<>();
      for (String term : terms) {
        long n = df.computeIfAbsent(term, w -> frequency(index, w));
        if (n <= share * rows) {
          kept.add(term);
        }
      }
      if (kept.isEmpty()) {
        kept = terms;
      }
      dropped += terms.size() - kept.size();
      texts.add(String.join(" ", kept));
    }
    String dfCost = stop(t);
    long cpu = 0;
    double ndcg = 0;
    for (int i = 0; i < queries.size(); i++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      index.keywordSearch(texts.get(i), 10, SearchScope.all());
      cpu += THREADS.getCurrentThreadCpuTime() - c0;
      List<ScoredChunk> hits = index.keywordSearch(texts.get(i), 100, SearchScope.all());
      ndcg += ndcg10(hits, qrels.get(queries.get(i)[0]));
    }
    System.out.printf(
        Locale.ROOT,
        "drop df > %.2f: %d terms dropped, df look-ups %s, leg cpu %.3f ms/q, nDCG@10 %.4f%n",
        share,
        dropped,
        dfCost,
        cpu / 1e6 / queries.size(),
        ndcg / queries.size());
  }

  private static long frequency(SqliteMemoryIndex index, String term) {
    return index.readForBenchmark(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("select count(*) from chunks_fts where chunks_fts match ?")) {
            p.setString(1, FtsQuery.quote(term));
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  private static long segments(SqliteMemoryIndex index) {
    return index.readForBenchmark(
        c -> {
          try (PreparedStatement p =
                  c.prepareStatement("select count(distinct segid) from chunks_fts_idx");
              ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  private static double ndcg10(List<ScoredChunk> hits, Map<String, Integer> gains) {
    Set<String> docs = new LinkedHashSet<>();
    for (ScoredChunk h : hits) {
      docs.add(h.chunk().path());
      if (docs.size() == 10) {
        break;
      }
    }
    double dcg = 0;
    int rank = 0;
    for (String d : docs) {
      dcg += gains.getOrDefault(d, 0) / log2(rank + 2);
      rank++;
    }
    List<Integer> ideal = new ArrayList<>(gains.values());
    ideal.sort((a, b) -> b - a);
    double idcg = 0;
    for (int i = 0; i < Math.min(10, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static void legCpu(SqliteMemoryIndex index, List<String[]> queries, String label) {
    long[] t = start();
    for (String[] q : queries) {
      index.keywordSearch(q[1], 6, SearchScope.all());
    }
    long cpu = THREADS.getCurrentThreadCpuTime() - t[1];
    long wall = System.nanoTime() - t[0];
    System.out.printf(
        Locale.ROOT,
        "keyword leg, %s: cpu %.3f ms/q, wall %.3f ms/q%n",
        label,
        cpu / 1e6 / queries.size(),
        wall / 1e6 / queries.size());
  }

  private static int load(SqliteMemoryIndex index, List<String[]> docs, int maxChunks) {
    int total = 0;
    for (String[] d : docs) {
      String[] words = (d[2] + "\n" + d[1]).split("\\s+");
      List<dev.localgpt.ports.memory.NewChunk> chunks = new ArrayList<>();
      for (int i = 0; i < words.length && (maxChunks == 0 || total < maxChunks); i += 80) {
        String text = String.join(" ", List.of(words).subList(i, Math.min(words.length, i + 80)));
        chunks.add(Fixtures.chunk(chunks.size() * 3 + 1, text));
        total++;
      }
      if (chunks.isEmpty()) {
        break;
      }
      index.replaceFile(Fixtures.file(d[0]), chunks);
    }
    return total;
  }

  private static long[] start() {
    return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
  }

  private static String stop(long[] t) {
    return String.format(
        Locale.ROOT,
        "wall %.1f ms, cpu %.1f ms",
        (System.nanoTime() - t[0]) / 1e6,
        (THREADS.getCurrentThreadCpuTime() - t[1]) / 1e6);
  }

  private static Map<String, Map<String, Integer>> qrels(Path file) throws Exception {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split("\t");
      if (f.length < 3 || f[2].equals("score")) {
        continue;
      }
      int gain = Integer.parseInt(f[2].strip());
      if (gain > 0) {
        out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], gain);
      }
    }
    return out;
  }

  /** {_id, text, title} of each line (title empty when absent or not asked). */
  private static List<String[]> jsonl(Path file, String title) throws Exception {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      out.add(
          new String[] {
            string(line, "_id"), string(line, "text"), title == null ? "" : string(line, title)
          });
    }
    return out;
  }

  private static String string(String json, String key) {
    int k = json.indexOf("\"" + key + "\"");
    if (k < 0) {
      return "";
    }
    int i = json.indexOf('"', json.indexOf(':', k + key.length() + 2)) + 1;
    StringBuilder s = new StringBuilder();
    while (json.charAt(i) != '"') {
      char ch = json.charAt(i++);
      if (ch != '\\') {
        s.append(ch);
        continue;
      }
      char e = json.charAt(i++);
      switch (e) {
        case 'n' -> s.append('\n');
        case 't' -> s.append('\t');
        case 'r' -> s.append('\r');
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'u' -> {
          s.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
          i += 4;
        }
        default -> s.append(e);
      }
    }
    return s.toString();
  }
}
