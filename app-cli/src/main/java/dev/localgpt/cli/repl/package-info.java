/**
 * The {@code localgpt chat} REPL over JLine: {@link dev.localgpt.cli.repl.ChatRepl} reads lines
 * (history, multi-line input), renders slash commands and streamed replies, and lets Ctrl-C cancel
 * the current reply; {@link dev.localgpt.cli.repl.TerminalFactory} makes the terminal injectable so
 * tests use a {@code DumbTerminal}.
 */
package dev.localgpt.cli.repl;
