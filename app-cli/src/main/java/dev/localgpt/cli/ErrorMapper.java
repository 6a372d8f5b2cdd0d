package dev.localgpt.cli;

import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.workspace.PathEscapeException;
import dev.localgpt.ports.embedding.EmbeddingException;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.session.SessionException;
import dev.localgpt.ports.web.WebFetchException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where an exception becomes what the user reads: the problem, a hint and the exit
 * code. Guice, picocli and reflection wrap what a command threw; {@link #map} looks through the
 * causes for the first exception it knows. Anything else is reported as a bug.
 */
public final class ErrorMapper {
  static final String BUG_HINT =
      "this looks like a bug; run with LOCALGPT_DEBUG=1 for the stack trace and report it";
  private static final int MAX_DEPTH = 10;

  private ErrorMapper() {}

  /** The failure to report for {@code exception}. */
  public static Failure map(Throwable exception) {
    Throwable current = exception;
    for (int depth = 0;
        current != null && depth < MAX_DEPTH;
        depth++, current = current.getCause()) {
      Failure known = known(current);
      if (known != null) {
        return known;
      }
    }
    return Failure.of(
        exception.getClass().getSimpleName()
            + (exception.getMessage() == null ? "" : ": " + exception.getMessage()),
        BUG_HINT,
        ExitCodes.GENERAL);
  }

  private static Failure known(Throwable problem) {
    return switch (problem) {
      case CliException cli -> Failure.of(cli.getMessage(), cli.hint(), cli.exitCode());
      case ConfigException config -> config(config);
      case ModelException model ->
          Failure.of(
              "model provider failed ("
                  + model.kind()
                  + "): "
                  + firstLine(model.getMessage(), model.kind().toString()),
              modelHint(model.kind()),
              ExitCodes.PROVIDER);
      case IndexException index ->
          Failure.of(
              "memory index: " + firstLine(index.getMessage(), "failed"),
              indexHint(index.kind()),
              ExitCodes.GENERAL);
      case EmbeddingException embedding ->
          Failure.of(
              "embedding model: " + firstLine(embedding.getMessage(), "failed"),
              "check memory.embedding_model in config.toml, or set "
                  + "memory.embedding_provider = \"none\" for keyword-only search",
              ExitCodes.GENERAL);
      case SessionException session ->
          Failure.of(
              firstLine(session.getMessage(), "session store failed"),
              "list sessions with 'localgpt sessions list'",
              ExitCodes.GENERAL);
      case WebFetchException web ->
          Failure.of(
              "web fetch (" + web.kind() + "): " + firstLine(web.getMessage(), ""),
              "check tools.web_fetch_allowed_domains",
              ExitCodes.GENERAL);
      case PathEscapeException path -> Failure.of(path.getMessage(), "", ExitCodes.GENERAL);
      case UncheckedIOException io -> Failure.of(io.getMessage(), "", ExitCodes.GENERAL);
      default -> null;
    };
  }

  private static Failure config(ConfigException config) {
    List<String> lines = new ArrayList<>();
    int count = config.problems().size();
    lines.add("invalid configuration (" + count + " problem" + (count == 1 ? "" : "s") + "):");
    for (ConfigProblem line : config.problems()) {
      lines.add("  " + line);
    }
    return new Failure(lines, "fix the file, then run 'localgpt config check'", ExitCodes.CONFIG);
  }

  static String modelHint(ModelException.Kind kind) {
    return switch (kind) {
      case AUTH ->
          "check the API key (providers.<name>.api_key in config.toml, ANTHROPIC_API_KEY, OPENAI_API_KEY)";
      case UNKNOWN_MODEL ->
          "check the model name (-m or agent.default_model); for Ollama run 'ollama pull <model>'";
      case RATE_LIMITED ->
          "wait a little and retry, or set agent.fallback_models to another provider";
      case NETWORK, TIMEOUT ->
          "is the provider reachable? check base_url / endpoint in config.toml";
      case SERVER -> "the provider had a server error; retry later or set agent.fallback_models";
      case NOT_CONFIGURED ->
          "set agent.default_model in config.toml or export ANTHROPIC_API_KEY / OPENAI_API_KEY";
      default -> "run 'localgpt config check' and try again; LOCALGPT_DEBUG=1 shows details";
    };
  }

  static String indexHint(IndexException.Kind kind) {
    return switch (kind) {
      case BUSY -> "another localgpt process is writing the index; try again in a moment";
      case CORRUPT ->
          "the index is rebuilt from the Markdown: run 'localgpt memory reindex --force'";
      case FAILED -> "check the disk and permissions of the data directory";
    };
  }

  private static String firstLine(String message, String fallback) {
    if (message == null || message.isBlank()) {
      return fallback;
    }
    return message.strip().lines().findFirst().orElse(fallback);
  }
}
