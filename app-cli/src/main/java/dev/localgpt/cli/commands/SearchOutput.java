package dev.localgpt.cli.commands;

import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.Snippets;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Human-readable search results: one header line per hit and an indented, one-line snippet. */
final class SearchOutput {
  private static final int SNIPPET_CHARS = 240;

  private SearchOutput() {}

  static void print(PrintWriter out, String query, List<MemoryHit> hits, boolean explain) {
    if (hits.isEmpty()) {
      out.println("no results for \"" + query + "\"");
      return;
    }
    int rank = 1;
    for (MemoryHit h : hits) {
      out.printf(
          Locale.ROOT,
          "%d. %s:%d-%d  score %.3f%s%n",
          rank++,
          h.path(),
          h.startLine(),
          h.endLine(),
          h.score(),
          h.source().equals("memory") ? "" : "  [" + h.source() + "]");
      h.explanation()
          .ifPresent(
              x ->
                  out.printf(
                      Locale.ROOT,
                      "   bm25 %s (rank %s), cosine %s (rank %s), fused %.3f%n",
                      num(x.bm25()),
                      rank(x.keywordRank()),
                      num(x.cosine()),
                      rank(x.vectorRank()),
                      x.fused()));
      out.println("   " + Snippets.preview(h.snippet(), query, SNIPPET_CHARS));
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String rank(int r) {
    return r == 0 ? "-" : Integer.toString(r);
  }
}
