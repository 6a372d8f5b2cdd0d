package dev.localgpt.adapter.mcp;

import dev.localgpt.ports.memory.MemoryOperations;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The four memory tools: their schemas, and their calls mapped onto {@link MemoryOperations}. */
final class MemoryToolHandlers {
  static final int DEFAULT_RESULTS = 6;
  static final int DEFAULT_LINES = 50;

  private final MemoryOperations memory;

  MemoryToolHandlers(MemoryOperations memory) {
    this.memory = memory;
  }

  /** One tool: what clients see, and what a call does. */
  record MemoryTool(
      McpSchema.Tool tool, Function<Map<String, Object>, McpSchema.CallToolResult> call) {}

  /** For the stdio server (one session). */
  List<SyncToolSpecification> specifications() {
    return tools().stream()
        .map(
            t ->
                SyncToolSpecification.builder()
                    .tool(t.tool())
                    .callHandler((exchange, request) -> t.call().apply(arguments(request)))
                    .build())
        .toList();
  }

  /** For the stateless HTTP endpoint. */
  List<McpStatelessServerFeatures.SyncToolSpecification> statelessSpecifications() {
    return tools().stream()
        .map(
            t ->
                new McpStatelessServerFeatures.SyncToolSpecification(
                    t.tool(), (context, request) -> t.call().apply(arguments(request))))
        .toList();
  }

  private static Map<String, Object> arguments(McpSchema.CallToolRequest request) {
    return request.arguments() == null ? Map.of() : request.arguments();
  }

  List<MemoryTool> tools() {
    return List.of(
        tool(
            "memory_search",
            "Search the user's memory (MEMORY.md, memory/*.md; or one knowledge silo) and return "
                + "matching snippets with path, line range and score.",
            schema(
                List.of("query"),
                prop("query", "string", "What to search for"),
                prop("limit", "integer", "Maximum results (default 6)"),
                prop("silo", "string", "A knowledge/<silo>/ folder to search instead")),
            args ->
                memory.search(
                    text(args, "query"),
                    integer(args, "limit", DEFAULT_RESULTS),
                    Optional.ofNullable(args.get("silo"))
                        .map(String::valueOf)
                        .filter(s -> !s.isBlank()))),
        tool(
            "memory_get",
            "Read lines of a memory file (MEMORY.md, memory/**/*.md, knowledge/**/*.md), numbered.",
            schema(
                List.of("path"),
                prop("path", "string", "Workspace-relative path, e.g. memory/2025-01-31.md"),
                prop("from", "integer", "First line, 1-based (default 1)"),
                prop("lines", "integer", "Number of lines (default 50)")),
            args ->
                memory.get(
                    text(args, "path"),
                    integer(args, "from", 1),
                    integer(args, "lines", DEFAULT_LINES))),
        tool(
            "memory_append",
            "Append text to today's daily note (memory/YYYY-MM-DD.md). Append-only.",
            schema(List.of("text"), prop("text", "string", "Markdown to append")),
            args -> memory.append(text(args, "text"))),
        tool(
            "memory_stats",
            "Files, chunks and embeddings in the memory index.",
            schema(List.of()),
            args -> memory.stats()));
  }

  private static MemoryTool tool(
      String name,
      String description,
      Map<String, Object> schema,
      Function<Map<String, Object>, String> run) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder().name(name).description(description).inputSchema(schema).build();
    return new MemoryTool(
        tool,
        args -> {
          try {
            return McpSchema.CallToolResult.builder()
                .addTextContent(run.apply(args))
                .isError(false)
                .build();
          } catch (IllegalArgumentException | IllegalStateException e) {
            return McpSchema.CallToolResult.builder()
                .addTextContent("Error: " + e.getMessage())
                .isError(true)
                .build();
          } catch (RuntimeException e) {
            return McpSchema.CallToolResult.builder()
                .addTextContent(
                    "Error: " + name + " failed: " + Failures.describe(e, java.time.Duration.ZERO))
                .isError(true)
                .build();
          }
        });
  }

  @SafeVarargs
  private static Map<String, Object> schema(
      List<String> required, Map.Entry<String, Object>... props) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Map.Entry<String, Object> p : props) {
      properties.put(p.getKey(), p.getValue());
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  private static Map.Entry<String, Object> prop(String name, String type, String description) {
    return Map.entry(name, Map.of("type", type, "description", description));
  }

  private static String text(Map<String, Object> args, String name) {
    Object value = args.get(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(
          "'" + name + "' is required and must be a non-empty string");
    }
    return s;
  }

  private static int integer(Map<String, Object> args, String name, int fallback) {
    Object value = args.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw new IllegalArgumentException("'" + name + "' must be a whole number, was " + value);
  }
}
