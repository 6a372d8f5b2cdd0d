/**
 * The memory index (and other shared state of a LocalGPT server) on PostgreSQL with pgvector: one
 * database for many workspaces, every row keyed by its workspace id; {@code tsvector} + GIN
 * (english) for keywords, {@code vector} with per-dimension HNSW (cosine) indexes for k-NN, schema
 * migrations by Flyway, connections pooled by HikariCP. Public entries: {@link
 * dev.localgpt.adapter.postgres.PostgresDatabase} (pool + migrations) and {@link
 * dev.localgpt.adapter.postgres.PostgresMemoryIndex}; everything else is package-private.
 */
package dev.localgpt.adapter.postgres;
