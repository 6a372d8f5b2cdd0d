/**
 * The daemon runtime: {@link dev.localgpt.app.daemon.Daemon} runs the HTTP server and the workspace
 * watcher in one process, announces itself in {@code <home>/daemon.pid} ({@link
 * dev.localgpt.app.daemon.PidFile}) and shuts down cleanly on SIGTERM; {@link
 * dev.localgpt.app.daemon.WorkspaceWatcher} re-indexes changed Markdown, debounced by core's {@link
 * dev.localgpt.core.memory.watch.ChangeDebouncer}.
 */
package dev.localgpt.app.daemon;
