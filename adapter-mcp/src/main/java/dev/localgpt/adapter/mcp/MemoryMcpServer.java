package dev.localgpt.adapter.mcp;

import dev.localgpt.ports.memory.MemoryOperations;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * LocalGPT's memory as an MCP server over stdio: {@code memory_search}, {@code memory_get}, {@code
 * memory_append} and {@code memory_stats}, answered by a {@link MemoryOperations}. Only protocol
 * messages are written to the output stream; the caller keeps everything else (logs, banners) off
 * it.
 */
public final class MemoryMcpServer {
  private MemoryMcpServer() {}

  /**
   * Serves {@code in}/{@code out} until the client closes {@code in} (or the thread is
   * interrupted), then stops.
   *
   * @param version the version reported to clients
   */
  public static void serve(
      MemoryOperations memory, InputStream in, OutputStream out, String version) {
    CountDownLatch ended = new CountDownLatch(1);
    InputStream watched =
        new FilterInputStream(in) {
          @Override
          public int read() throws IOException {
            return eof(super.read());
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return eof(super.read(b, off, len));
          }

          private int eof(int n) {
            if (n < 0) {
              ended.countDown();
            }
            return n;
          }
        };
    McpSyncServer server = start(memory, watched, out, version);
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
    }
  }

  /** Starts serving on a background thread and returns the running server (tests close it). */
  static McpSyncServer start(
      MemoryOperations memory, InputStream in, OutputStream out, String version) {
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(Transports.JSON, in, out);
    MemoryToolHandlers handlers = new MemoryToolHandlers(memory);
    return McpServer.sync(transport)
        .serverInfo(new McpSchema.Implementation("localgpt", "LocalGPT memory", version))
        .instructions(
            "The user's LocalGPT memory: Markdown notes (MEMORY.md, daily notes in memory/, knowledge/). "
                + "Search before answering questions about prior work, people or decisions; append new facts to "
                + "today's daily note.")
        .jsonMapper(Transports.JSON)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(handlers.specifications().toArray(SyncToolSpecification[]::new))
        .build();
  }
}
