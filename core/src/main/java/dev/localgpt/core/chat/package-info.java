/**
 * The chat facade every front end uses: {@link dev.localgpt.core.chat.ChatService} runs turns on a
 * persisted session (prompt, tools, agent loop, compaction with a memory checkpoint, memory-only
 * fallback), and {@link dev.localgpt.core.chat.SlashCommands} parses and runs LocalGPT's slash
 * commands, returning {@link dev.localgpt.core.chat.CommandResult} values that the CLI or the
 * server only render.
 */
package dev.localgpt.core.chat;
