-- A chunk longer than the embedding model's window has a vector per window; memory_chunks.embedding holds the
-- first, this table the others (n >= 1). Vector search scores a chunk by its best window. workspace, source and
-- dims are copied from the chunk so that the HNSW walk filters without a join.
create table memory_chunk_windows(
  chunk_id bigint not null references memory_chunks(id) on delete cascade,
  n integer not null,
  workspace text not null,
  source text not null,
  dims integer not null,
  embedding vector not null,
  primary key (chunk_id, n));

create index memory_chunk_windows_workspace on memory_chunk_windows(workspace);

-- Vectors stored before saw only a chunk's first window: drop them so that the next indexing run re-embeds
-- (texts that fit the window come back from the embedding cache).
update memory_chunks set embedding = null, dims = null where embedding is not null;
