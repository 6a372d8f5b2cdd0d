package dev.localgpt.ports.tools;

import dev.localgpt.ports.json.JsonObject;
import java.util.Objects;

/**
 * One tool as its server describes it.
 *
 * @param server the configured server name
 * @param name the tool's name on that server
 * @param description what the tool does (may be empty)
 * @param inputSchema the JSON schema of its arguments (an object schema)
 */
public record RemoteTool(String server, String name, String description, JsonObject inputSchema) {
  public RemoteTool {
    Objects.requireNonNull(server, "'server' must not be null");
    Objects.requireNonNull(name, "'name' must not be null");
    description = description == null ? "" : description;
    inputSchema = inputSchema == null ? JsonObject.EMPTY : inputSchema;
  }
}
