package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.adapter.mcp.MemoryMcpServer;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.cli.daemon.DaemonStatus;
import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.ports.memory.MemoryOperations;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code localgpt mcp-server}: the memory tools over MCP on stdin/stdout, for editors and other
 * assistants. Standard output carries protocol messages only: {@code System.out} is pointed at
 * stderr before anything loads, and logs go to stderr or the log file.
 */
@Command(
    name = "mcp-server",
    mixinStandardHelpOptions = true,
    description = {
      "Serve memory_search, memory_get, memory_append and memory_stats over MCP (stdio).",
      "Runs until the client closes stdin. Nothing but protocol messages is written to stdout."
    })
public final class McpServerCommand implements Callable<Integer> {
  @Inject private Provider<MemoryOperations> memory;
  @Inject private Provider<MemoryService> index;

  @Override
  public Integer call() {
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    index.get().update(MemoryService.SEARCH_EMBED_BUDGET, IndexListener.NONE);
    MemoryMcpServer.serve(memory.get(), System.in, protocol, DaemonStatus.version());
    return ExitCodes.OK;
  }
}
