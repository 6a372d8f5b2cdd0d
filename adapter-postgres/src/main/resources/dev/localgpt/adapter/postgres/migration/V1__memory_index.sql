-- The memory index of every workspace in one database: each row carries its workspace id.
create extension if not exists vector;

create table memory_meta(
  workspace text not null,
  key text not null,
  value text not null,
  primary key (workspace, key));

create table memory_files(
  workspace text not null,
  path text not null,
  source text not null,
  hash text not null,
  mtime bigint not null,
  size bigint not null,
  primary key (workspace, path));

-- embedding is an untyped vector so that workspaces may use models of different dimensions; dims says which
-- partial HNSW index (one per dimension, on embedding::vector(dims), made on first use) holds the row.
create table memory_chunks(
  id bigserial primary key,
  workspace text not null,
  path text not null,
  source text not null,
  start_line integer not null,
  end_line integer not null,
  heading_path text not null default '',
  text text not null,
  hash text not null,
  embedding vector,
  dims integer,
  tsv tsvector generated always as (to_tsvector('english', text)) stored);

create index memory_chunks_file on memory_chunks(workspace, path);
create index memory_chunks_source on memory_chunks(workspace, source);
create index memory_chunks_tsv on memory_chunks using gin(tsv);
create index memory_chunks_pending on memory_chunks(workspace, id) where embedding is null;

create table memory_embedding_cache(
  workspace text not null,
  model text not null,
  hash text not null,
  dims integer not null,
  embedding bytea not null,
  updated_at bigint not null,
  primary key (workspace, model, hash));
