package dev.localgpt.ports.session;

import java.time.Instant;

/**
 * A stored session.
 *
 * @param id the session id (a UUID string)
 * @param createdAt when it began
 * @param updatedAt when the last entry was appended
 * @param title a short title (the first user message, shortened), empty until there is one
 * @param messageCount user and assistant messages so far
 */
public record SessionInfo(String id, Instant createdAt, Instant updatedAt, String title, int messageCount) {}
