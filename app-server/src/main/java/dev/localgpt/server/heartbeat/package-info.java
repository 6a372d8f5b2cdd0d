/**
 * {@code GET /api/heartbeat/status}: the heartbeat's schedule, last runs, last alert and budget.
 */
package dev.localgpt.server.heartbeat;
