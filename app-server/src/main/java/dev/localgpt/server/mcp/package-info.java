/**
 * {@code POST /mcp}: LocalGPT's memory tools over MCP's streamable HTTP transport (stateless, JSON
 * replies), behind the server's token, host and size rules like every route.
 */
package dev.localgpt.server.mcp;
