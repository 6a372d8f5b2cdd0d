package dev.localgpt.cli;

import com.google.inject.AbstractModule;
import dev.localgpt.cli.repl.TerminalFactory;

/** The CLI's own bindings: the {@link CliContext} of this run and the terminal the REPL opens. */
final class CliModule extends AbstractModule {
  private final CliContext context;

  CliModule(CliContext context) {
    this.context = context;
  }

  @Override
  protected void configure() {
    bind(CliContext.class).toInstance(context);
    bind(TerminalFactory.class).toInstance(TerminalFactory.SYSTEM);
  }
}
