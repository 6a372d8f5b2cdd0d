/**
 * The memory index on SQLite: FTS5 (porter unicode61) for BM25, vectors in sqlite-vec {@code vec0}
 * when the extension loads and a pure-Java brute-force k-NN otherwise, an embedding cache, WAL and
 * ordered schema migrations. The public entry is {@link
 * dev.localgpt.adapter.sqlite.SqliteMemoryIndex}; everything else is package-private.
 */
package dev.localgpt.adapter.sqlite;
