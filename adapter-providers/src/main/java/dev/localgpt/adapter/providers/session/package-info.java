/**
 * Session transcripts as JSONL files in the pi / OpenClaw format: one file per session, a {@code
 * session} header line, then one {@code message} or {@code compaction} entry per line, appended and
 * forced to disk as it happens. The public entry type is {@link
 * dev.localgpt.adapter.providers.session.JsonlSessionStore}.
 */
package dev.localgpt.adapter.providers.session;
