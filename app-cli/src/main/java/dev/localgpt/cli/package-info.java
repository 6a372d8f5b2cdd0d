/**
 * The {@code localgpt} command (picocli): {@link dev.localgpt.cli.Main} is the entry point, {@link
 * dev.localgpt.cli.Subcommands} the one list of command groups, {@link
 * dev.localgpt.cli.ErrorHandler} the one place that turns exceptions into {@code error: ...} lines
 * and exit codes.
 */
package dev.localgpt.cli;
