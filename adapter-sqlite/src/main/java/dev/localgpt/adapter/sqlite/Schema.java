package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.memory.IndexException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Ordered schema migrations. Version {@code n} is reached by running migration {@code n - 1} of
 * {@link #MIGRATIONS} in one transaction that also records the version in {@code meta}; running
 * again is a no-op.
 */
final class Schema {
  static final String VERSION_KEY = "schema_version";

  /** Migration i brings the schema from version i to i + 1. Never edit a released entry; append. */
  static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "create table if not exists meta(key text primary key, value text not null)",
              """
              create table if not exists files(
                path text primary key, source text not null default 'memory', hash text not null,
                mtime integer not null, size integer not null)""",
              """
              create table if not exists chunks(
                id integer primary key, path text not null, source text not null default 'memory',
                start_line integer not null, end_line integer not null, heading_path text not null default '',
                text text not null, hash text not null, embedding blob)""",
              "create index if not exists chunks_path on chunks(path)",
              "create index if not exists chunks_source on chunks(source)",
              """
              create virtual table if not exists chunks_fts using fts5(
                text, content='chunks', content_rowid='id', tokenize='porter unicode61')""",
              """
              create trigger if not exists chunks_fts_insert after insert on chunks begin
                insert into chunks_fts(rowid, text) values (new.id, new.text);
              end""",
              """
              create trigger if not exists chunks_fts_delete after delete on chunks begin
                insert into chunks_fts(chunks_fts, rowid, text) values ('delete', old.id, old.text);
              end""",
              """
              create trigger if not exists chunks_fts_update after update of text on chunks begin
                insert into chunks_fts(chunks_fts, rowid, text) values ('delete', old.id, old.text);
                insert into chunks_fts(rowid, text) values (new.id, new.text);
              end""",
              """
              create table if not exists embedding_cache(
                model text not null, hash text not null, dims integer not null, embedding blob not null,
                updated_at integer not null, primary key(model, hash))""",
              "create index if not exists embedding_cache_updated on embedding_cache(updated_at)"),
          // 2: indexing writes keyword rows first and vectors later; this finds the chunks still
          // waiting for one.
          List.of(
              "create index if not exists chunks_pending on chunks(id) where embedding is null"),
          // 3: a chunk longer than the model's window has a vector per window; chunks.embedding
          // holds the first, this table the others (n >= 1). Old vectors saw only a chunk's first
          // window: they are dropped, so the next indexing run re-embeds (unchanged texts that fit
          // the window come from the embedding cache).
          List.of(
              """
              create table if not exists chunk_windows(
                chunk_id integer not null, n integer not null, embedding blob not null,
                primary key(chunk_id, n)) without rowid""",
              """
              create trigger if not exists chunk_windows_delete after delete on chunks begin
                delete from chunk_windows where chunk_id = old.id;
              end""",
              "update chunks set embedding = null where embedding is not null",
              "insert or replace into meta(key, value) values ('vec_stale', '1')"));

  private Schema() {}

  static int latest() {
    return MIGRATIONS.size();
  }

  /** Brings the database to {@link #latest()}; returns the version it is at afterwards. */
  static int migrate(Connection c) throws SQLException {
    int version = version(c);
    if (version > latest()) {
      throw new IndexException(
          IndexException.Kind.CORRUPT,
          "memory index: schema version "
              + version
              + " is newer than this build supports ("
              + latest()
              + "); delete the index file and it is rebuilt from the Markdown",
          null);
    }
    while (version < latest()) {
      try (Statement s = c.createStatement()) {
        s.execute("begin immediate");
        try {
          version = version(c); // another process may have migrated meanwhile
          if (version < latest()) {
            for (String sql : MIGRATIONS.get(version)) {
              s.execute(sql);
            }
            version++;
            Meta.put(c, VERSION_KEY, Integer.toString(version));
          }
          s.execute("commit");
        } catch (SQLException | RuntimeException e) {
          s.execute("rollback");
          throw e;
        }
      }
    }
    return latest();
  }

  /** The recorded version, 0 for an empty database. */
  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from sqlite_master where type = 'table' and name = 'meta'")) {
      if (rs.next() && rs.getInt(1) == 0) {
        return 0;
      }
    }
    try (PreparedStatement p = c.prepareStatement("select value from meta where key = ?")) {
      p.setString(1, VERSION_KEY);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
      }
    }
  }
}
