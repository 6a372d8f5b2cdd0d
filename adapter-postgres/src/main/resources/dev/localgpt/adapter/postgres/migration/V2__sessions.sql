-- Conversation transcripts, so that any server instance can continue any session of its workspace.
create table sessions(
  workspace text not null,
  id text not null,
  created_at text not null,
  updated_at text not null,
  title text not null default '',
  message_count integer not null default 0,
  primary key (workspace, id));

-- One row per entry, in append order (seq); entry is the JSON of a message or a compaction.
create table session_entries(
  seq bigserial primary key,
  workspace text not null,
  session_id text not null,
  entry text not null,
  foreign key (workspace, session_id) references sessions(workspace, id) on delete cascade);

create index session_entries_session on session_entries(workspace, session_id, seq);
