package dev.localgpt.core.agent.tools;

import dev.localgpt.core.json.JsonWriter;

/** Builds the small JSON schemas of the tools. */
final class Schemas {
  private Schemas() {}

  /** A property, e.g. {@code prop("path", "string", "Path of the file")}. */
  static String prop(String name, String type, String description) {
    return "\"" + name + "\":{\"type\":\"" + type + "\",\"description\":" + JsonWriter.quote(description) + "}";
  }

  /** An object schema with the given properties and required names. */
  static String object(String[] required, String... properties) {
    StringBuilder req = new StringBuilder();
    for (String r : required) {
      req.append(req.isEmpty() ? "" : ",").append('"').append(r).append('"');
    }
    return "{\"type\":\"object\",\"properties\":{" + String.join(",", properties) + "},\"required\":[" + req + "]}";
  }

  static String[] required(String... names) {
    return names;
  }
}
