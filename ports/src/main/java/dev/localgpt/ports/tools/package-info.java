/**
 * Tools served by other programs (the user's MCP servers): listing them with their JSON schemas,
 * calling them, and the state of the servers behind them.
 */
package dev.localgpt.ports.tools;
