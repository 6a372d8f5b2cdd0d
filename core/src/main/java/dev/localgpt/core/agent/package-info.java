/**
 * The agent: the bounded tool loop ({@link dev.localgpt.core.agent.AgentLoop}), its settings and
 * result, the security reminder, and the memory-only fallback model. Prompt assembly is in {@code
 * .prompt}, tools in {@code .tools}.
 */
package dev.localgpt.core.agent;
