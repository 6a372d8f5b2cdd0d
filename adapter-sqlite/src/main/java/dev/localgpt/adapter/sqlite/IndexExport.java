package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads the whole index back out, vectors included, so another store can take it over without
 * re-embedding.
 */
final class IndexExport {
  private final Database db;

  IndexExport(Database db) {
    this.db = db;
  }

  /**
   * Every file with its chunks (line order, each with its stored vector or null). A chunk with
   * several window vectors goes without one: the target embeds its windows again, from the exported
   * embedding cache.
   */
  void files(BiConsumer<IndexedFile, List<NewChunk>> sink) {
    List<IndexedFile> files = new ChunkReader(db).files();
    for (IndexedFile file : files) {
      sink.accept(file, chunks(file.path()));
    }
  }

  private List<NewChunk> chunks(String path) {
    return db.read(
        "export " + path,
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "select start_line, end_line, heading_path, text, hash, case when exists(select 1"
                      + " from chunk_windows w where w.chunk_id = chunks.id) then null else embedding end"
                      + " from chunks where path = ? order by id")) {
            p.setString(1, path);
            try (ResultSet rs = p.executeQuery()) {
              List<NewChunk> chunks = new ArrayList<>();
              while (rs.next()) {
                byte[] blob = rs.getBytes(6);
                chunks.add(
                    new NewChunk(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        blob == null ? null : Embedding.of(VectorCodec.decode(blob))));
              }
              return chunks;
            }
          }
        });
  }

  /** The embedding cache, per model, in batches of at most {@code batch} entries. */
  void cache(int batch, BiConsumer<String, Map<String, Embedding>> sink) {
    List<String> models =
        db.read(
            "list cached models",
            c -> {
              try (PreparedStatement p =
                      c.prepareStatement(
                          "select distinct model from embedding_cache order by model");
                  ResultSet rs = p.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                  names.add(rs.getString(1));
                }
                return names;
              }
            });
    for (String model : models) {
      String after = "";
      while (true) {
        String from = after;
        Map<String, Embedding> page =
            db.read(
                "export cache of " + model,
                c -> {
                  try (PreparedStatement p =
                      c.prepareStatement(
                          "select hash, embedding from embedding_cache"
                              + " where model = ? and hash > ? order by hash limit ?")) {
                    p.setString(1, model);
                    p.setString(2, from);
                    p.setInt(3, batch);
                    try (ResultSet rs = p.executeQuery()) {
                      Map<String, Embedding> rows = new HashMap<>();
                      while (rs.next()) {
                        rows.put(rs.getString(1), Embedding.of(VectorCodec.decode(rs.getBytes(2))));
                      }
                      return rows;
                    }
                  }
                });
        if (page.isEmpty()) {
          break;
        }
        sink.accept(model, page);
        after = page.keySet().stream().max(String::compareTo).orElseThrow();
      }
    }
  }
}
