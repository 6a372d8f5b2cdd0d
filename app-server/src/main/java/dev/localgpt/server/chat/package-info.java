/**
 * Chat over HTTP: the live sessions (at most 100, least recently used evicted, idle ones expired;
 * all of them on disk in the session store) and {@code POST /api/chat} and {@code
 * /api/chat/stream}.
 */
package dev.localgpt.server.chat;
