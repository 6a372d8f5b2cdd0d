/**
 * The agent's tools (same names and JSON schemas as the Rust LocalGPT): bash, read_file,
 * write_file, edit_file, memory_search, memory_get, web_fetch; the {@link
 * dev.localgpt.core.agent.tools.ToolBox} that runs them with approval, output caps and
 * untrusted-content fencing.
 */
package dev.localgpt.core.agent.tools;
