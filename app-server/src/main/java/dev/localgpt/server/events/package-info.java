/**
 * Events the server pushes to connected clients (today: heartbeat alerts), over {@code GET
 * /api/events} (server-sent events) and the WebSocket {@code /api/ws}, as {@code {"type": ...,
 * ...}} objects like the other WebSocket messages.
 */
package dev.localgpt.server.events;
