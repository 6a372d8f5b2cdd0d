package dev.localgpt.cli;

import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.workspace.PathEscapeException;
import dev.localgpt.ports.llm.ModelException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become output: {@code error: <problem>} (one line per config problem), an optional
 * {@code hint: ...}, and a meaningful exit code. No stack traces unless {@code LOCALGPT_DEBUG=1}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  private final CliContext context;

  ErrorHandler(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
    return report(exception);
  }

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    PrintWriter err = context.err();
    err.println("error: " + exception.getMessage());
    err.println("hint: run '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCodes.CONFIG;
  }

  int report(Throwable exception) {
    Throwable problem = unwrap(exception);
    PrintWriter err = context.err();
    int code;
    switch (problem) {
      case ConfigException config -> {
        err.println("error: invalid configuration (" + config.problems().size() + " problem"
            + (config.problems().size() == 1 ? "" : "s") + "):");
        for (ConfigProblem line : config.problems()) {
          err.println("  " + line);
        }
        err.println("hint: fix the file, then run 'localgpt config check'");
        code = ExitCodes.CONFIG;
      }
      case CliException cli -> {
        err.println("error: " + cli.getMessage());
        if (!cli.hint().isEmpty()) {
          err.println("hint: " + cli.hint());
        }
        code = cli.exitCode();
      }
      case ModelException model -> {
        err.println("error: model provider failed (" + model.kind() + "): " + model.getMessage());
        code = ExitCodes.PROVIDER;
      }
      case PathEscapeException path -> {
        err.println("error: " + path.getMessage());
        code = ExitCodes.GENERAL;
      }
      case UncheckedIOException io -> {
        err.println("error: " + io.getMessage());
        code = ExitCodes.GENERAL;
      }
      default -> {
        err.println("error: " + problem.getClass().getSimpleName()
            + (problem.getMessage() == null ? "" : ": " + problem.getMessage()));
        err.println("hint: this looks like a bug; run with LOCALGPT_DEBUG=1 for the stack trace and report it");
        code = ExitCodes.GENERAL;
      }
    }
    if ("1".equals(context.env().get("LOCALGPT_DEBUG"))) {
      exception.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** Guice and reflection wrap the exception a command threw; find the one that means something. */
  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    for (int depth = 0; current != null && depth < 10; depth++, current = current.getCause()) {
      if (current instanceof ConfigException || current instanceof CliException || current instanceof ModelException
          || current instanceof PathEscapeException || current instanceof UncheckedIOException) {
        return current;
      }
    }
    return exception;
  }
}
