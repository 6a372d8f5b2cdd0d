package dev.localgpt.cli.repl;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Opens the terminal the REPL talks to; tests pass one that builds a {@code DumbTerminal} over byte
 * streams.
 */
@FunctionalInterface
public interface TerminalFactory {

  /** The real terminal of the process (a dumb one when there is no console). */
  TerminalFactory SYSTEM = () -> TerminalBuilder.builder().name("localgpt").system(true).build();

  Terminal open() throws IOException;
}
