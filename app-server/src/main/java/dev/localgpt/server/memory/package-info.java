/**
 * Memory over HTTP: {@code GET /api/memory/search}, {@code GET /api/memory/stats}, {@code POST
 * /api/memory/reindex}.
 */
package dev.localgpt.server.memory;
