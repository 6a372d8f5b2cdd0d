package dev.localgpt.server.memory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.IndexReport;
import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.server.ApiException;
import dev.localgpt.server.ErrorMapper;
import dev.localgpt.server.HttpJson;
import dev.localgpt.server.RequestFields;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code GET /api/memory/search?q=&limit=&silo=&explain=} → {@code {query, results:[{file,
 * line_start, line_end, content, score}]}} (with {@code source} and, when asked, {@code explain});
 * {@code GET /api/memory/stats} → {@code {workspace, total_files, total_chunks, index_size_kb,
 * embedded_chunks, embedding_model, embedding_window?: {tokens, chunks_over_window,
 * text_cut_percent, up_to_date}}} (the window part only with an embedder); {@code POST
 * /api/memory/reindex {force?}} → {@code {files_processed, files_updated, chunks_indexed,
 * duration_ms}}.
 */
public final class MemoryHttpService implements HttpService {
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 100;

  private final MemoryService memory;
  private final Path workspace;
  private final int maxQueryChars;

  public MemoryHttpService(MemoryService memory, Path workspace, int maxQueryChars) {
    this.memory = memory;
    this.workspace = workspace;
    this.maxQueryChars = maxQueryChars;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/api/memory/search", this::search)
        .any("/api/memory/search", ErrorMapper.methodNotAllowed("GET"))
        .get("/api/memory/stats", this::stats)
        .any("/api/memory/stats", ErrorMapper.methodNotAllowed("GET"))
        .post("/api/memory/reindex", this::reindex)
        .any("/api/memory/reindex", ErrorMapper.methodNotAllowed("POST"));
  }

  private void search(ServerRequest req, ServerResponse res) {
    String q = RequestFields.query(req, "q").map(String::strip).orElse("");
    if (q.isEmpty()) {
      throw ApiException.badRequest("'q' is required: /api/memory/search?q=words");
    }
    if (q.length() > maxQueryChars) {
      throw ApiException.badRequest(
          "'q' is " + q.length() + " characters; at most " + maxQueryChars + " are allowed");
    }
    int limit = RequestFields.queryInt(req, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
    SearchOptions options =
        SearchOptions.limit(limit).withExplain(RequestFields.queryFlag(req, "explain"));
    String silo = RequestFields.query(req, "silo").map(String::strip).orElse("");
    if (!silo.isEmpty()) {
      options = options.withSilo(silo);
    }
    List<MemoryHit> hits = memory.search(q, options);
    ObjectNode out = HttpJson.object();
    out.put("query", q);
    ArrayNode results = out.putArray("results");
    for (MemoryHit hit : hits) {
      ObjectNode r = results.addObject();
      r.put("file", hit.path());
      r.put("line_start", hit.startLine());
      r.put("line_end", hit.endLine());
      r.put("content", hit.snippet());
      r.put("score", hit.score());
      r.put("source", hit.source());
      hit.explanation()
          .ifPresent(
              e ->
                  r.putObject("explain")
                      .put("bm25", e.bm25())
                      .put("cosine", e.cosine())
                      .put("fused", e.fused())
                      .put("keyword_rank", e.keywordRank())
                      .put("vector_rank", e.vectorRank()));
    }
    HttpJson.send(res, out);
  }

  private void stats(ServerRequest req, ServerResponse res) {
    IndexStats stats = memory.stats();
    ObjectNode out = HttpJson.object();
    out.put("workspace", workspace.toString());
    out.put("total_files", stats.files());
    out.put("total_chunks", stats.chunks());
    out.put("index_size_kb", stats.sizeBytes() / 1024);
    out.put("embedded_chunks", stats.embeddedChunks());
    out.put("embedding_model", stats.embeddingModel());
    memory
        .windowCoverage()
        .ifPresent(
            w ->
                out.putObject("embedding_window")
                    .put("tokens", w.window())
                    .put("chunks_over_window", w.chunksOverWindow())
                    .put("text_cut_percent", Math.round(w.cutPercent() * 100) / 100.0)
                    .put("up_to_date", w.upToDate()));
    HttpJson.send(res, out);
  }

  private void reindex(ServerRequest req, ServerResponse res) {
    boolean force =
        RequestFields.optionalBoolean(HttpJson.readOptionalObject(req), "force").orElse(false);
    IndexReport report = memory.index(force, IndexListener.NONE);
    ObjectNode out = HttpJson.object();
    out.put("files_processed", report.filesScanned());
    out.put("files_updated", report.filesIndexed());
    out.put("chunks_indexed", report.chunks());
    out.put("duration_ms", report.duration().toMillis());
    HttpJson.send(res, out);
  }
}
