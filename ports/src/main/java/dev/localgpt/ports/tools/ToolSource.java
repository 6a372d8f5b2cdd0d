package dev.localgpt.ports.tools;

import dev.localgpt.ports.json.JsonObject;
import java.util.List;

/**
 * Tools that live in other programs (MCP servers). Servers start lazily, on the first {@link
 * #refresh()}; a server that fails to start, stops answering or dies is reported once (in the
 * snapshot's problems), its tools leave the list, and a later {@link #refresh()} starts it again
 * once its backoff has passed. Thread-safe; every method may block, each server for at most its own
 * timeout.
 */
public interface ToolSource extends AutoCloseable {

  /** A source with no servers. */
  ToolSource NONE =
      new ToolSource() {
        @Override
        public ToolSnapshot refresh() {
          return ToolSnapshot.EMPTY;
        }

        @Override
        public ToolResult call(String server, String tool, JsonObject arguments) {
          throw new ToolSourceException("no tool server named '" + server + "' is configured");
        }

        @Override
        public List<ToolServerStatus> status() {
          return List.of();
        }

        @Override
        public void close() {}
      };

  /**
   * Starts the servers not yet running (and those whose restart backoff has passed) and lists the
   * tools available now. Never throws for a server's failure: it becomes a problem in the snapshot,
   * reported once.
   */
  ToolSnapshot refresh();

  /**
   * Calls {@code tool} of {@code server} with {@code arguments}. A result the server marks as an
   * error comes back as {@link ToolResult#error()}.
   *
   * @throws ToolSourceException when the server is not running, does not answer within its timeout,
   *     dies during the call or answers with something that is not a result; the server then counts
   *     as failed
   */
  ToolResult call(String server, String tool, JsonObject arguments);

  /** Every configured server with its state and tools, in configuration order; starts nothing. */
  List<ToolServerStatus> status();

  /** Stops every server (and the processes it started). Idempotent; never throws. */
  @Override
  void close();
}
