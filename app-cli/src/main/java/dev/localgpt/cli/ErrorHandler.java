package dev.localgpt.cli;

import dev.localgpt.core.text.EditDistance;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Where failures become output: {@code error: <problem>} (plus detail lines), an optional {@code
 * hint: ...}, and a meaningful exit code, as {@link ErrorMapper} decides. Usage errors name the
 * nearest command for a mistyped one. No stack traces unless {@code LOCALGPT_DEBUG=1}.
 */
final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  private final CliContext context;

  ErrorHandler(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    return report(exception);
  }

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine where = exception.getCommandLine();
    String name = where.getCommandSpec().qualifiedName();
    PrintWriter err = context.err();
    Optional<String> unknown = unknownCommand(exception);
    Optional<String> nearest = unknown.flatMap(typed -> nearest(where, typed));
    if (unknown.isPresent()) {
      err.println("error: unknown command '" + unknown.get() + "' for '" + name + "'");
    } else {
      err.println("error: " + exception.getMessage());
    }
    err.println(
        "hint: "
            + nearest.map(n -> "did you mean '" + n + "'? ").orElse("")
            + "run '"
            + name
            + " --help'");
    err.flush();
    return ExitCodes.CONFIG;
  }

  /** The mistyped word when the user named a command that does not exist. */
  private static Optional<String> unknownCommand(ParameterException exception) {
    if (exception instanceof UnmatchedArgumentException unmatched
        && !exception.getCommandLine().getSubcommands().isEmpty()
        && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().getFirst();
      return first.startsWith("-") ? Optional.empty() : Optional.of(first);
    }
    return Optional.empty();
  }

  /**
   * The subcommand whose name is closest to {@code typed}, if it is close enough to be what was
   * meant.
   */
  static Optional<String> nearest(CommandLine where, String typed) {
    String prefix = where.getParent() == null ? "" : where.getCommandName() + " ";
    return where.getSubcommands().keySet().stream()
        .filter(
            candidate -> EditDistance.between(typed, candidate) <= Math.max(2, typed.length() / 3))
        .min(Comparator.comparingInt(candidate -> EditDistance.between(typed, candidate)))
        .map(candidate -> prefix + candidate);
  }

  int report(Throwable exception) {
    Failure failure = ErrorMapper.map(exception);
    PrintWriter err = context.err();
    err.println("error: " + failure.problem().getFirst());
    failure.problem().stream().skip(1).forEach(err::println);
    if (!failure.hint().isEmpty()) {
      err.println("hint: " + failure.hint());
    }
    if ("1".equals(context.env().get("LOCALGPT_DEBUG"))) {
      exception.printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }
}
