/**
 * The WebSocket {@code /api/ws} of the Rust LocalGPT: {@code session}, {@code chat} and {@code
 * ping} messages in, {@code connected}, {@code content} (the whole reply), {@code done}, {@code
 * pong} and {@code error} out, plus the server's pushed events such as {@code heartbeat_alert}.
 */
package dev.localgpt.server.ws;
