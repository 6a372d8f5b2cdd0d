/**
 * System prompt assembly: LocalGPT's sections, then the workspace files within OpenClaw's size
 * caps.
 */
package dev.localgpt.core.agent.prompt;
