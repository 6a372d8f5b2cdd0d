/**
 * The CLI's side of the daemon: {@link dev.localgpt.cli.daemon.DaemonClient} finds a daemon running
 * for the same home and lets {@code memory search} and {@code ask} go through its HTTP API (no
 * model load in the CLI); {@link dev.localgpt.cli.daemon.DaemonChat} asks its agent; {@link
 * dev.localgpt.cli.daemon.DaemonLauncher} starts one in the background.
 */
package dev.localgpt.cli.daemon;
