package dev.localgpt.adapter.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.localgpt.ports.tools.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * An MCP tool result as text: text parts joined by newlines, other parts described, structured
 * content as JSON.
 */
final class ToolResults {
  private ToolResults() {}

  static ToolResult of(McpSchema.CallToolResult result) {
    if (result == null) {
      throw new IllegalStateException("the server answered tools/call without a result");
    }
    List<String> parts = new ArrayList<>();
    if (result.content() != null) {
      for (McpSchema.Content content : result.content()) {
        parts.add(
            switch (content) {
              case McpSchema.TextContent text -> text.text();
              case McpSchema.ImageContent image -> "[image, " + image.mimeType() + "]";
              case McpSchema.AudioContent audio -> "[audio, " + audio.mimeType() + "]";
              case McpSchema.EmbeddedResource resource -> resourceText(resource.resource());
              case McpSchema.ResourceLink link -> "[resource " + link.uri() + "]";
              default -> "[" + content.type() + " content]";
            });
      }
    }
    if (parts.isEmpty() && result.structuredContent() != null) {
      try {
        parts.add(JsonConversion.MAPPER.writeValueAsString(result.structuredContent()));
      } catch (JsonProcessingException e) {
        parts.add(String.valueOf(result.structuredContent()));
      }
    }
    return new ToolResult(String.join("\n", parts), Boolean.TRUE.equals(result.isError()));
  }

  private static String resourceText(McpSchema.ResourceContents contents) {
    if (contents instanceof McpSchema.TextResourceContents text) {
      return text.text();
    }
    return "[resource " + contents.uri() + ", " + contents.mimeType() + "]";
  }
}
