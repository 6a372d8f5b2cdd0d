/**
 * Chat sessions: the live history backed by a {@link dev.localgpt.ports.session.SessionStore}, the
 * token budget, the append-only memory checkpoint written before compaction, compaction itself, and
 * the {@code /new} transcript save.
 */
package dev.localgpt.core.session;
