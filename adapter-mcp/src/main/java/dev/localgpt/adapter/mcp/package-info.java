/**
 * The Model Context Protocol with the official MCP Java SDK. {@link
 * dev.localgpt.adapter.mcp.McpToolSource} is the client side: the user's MCP servers (stdio
 * processes or streamable HTTP endpoints) behind the {@link dev.localgpt.ports.tools.ToolSource}
 * port, started lazily, restarted with backoff, stopped with their process trees. {@link
 * dev.localgpt.adapter.mcp.MemoryMcpServer} is the server side: LocalGPT's memory tools over stdio,
 * on top of the {@link dev.localgpt.ports.memory.MemoryOperations} port.
 */
package dev.localgpt.adapter.mcp;
