/**
 * LocalGPT's memory offered to other programs (its MCP server): {@link
 * dev.localgpt.core.mcp.WorkspaceMemoryOperations} implements the {@link
 * dev.localgpt.ports.memory.MemoryOperations} port with the same rules as the agent's memory tools
 * (confinement, append-only daily notes).
 */
package dev.localgpt.core.mcp;
