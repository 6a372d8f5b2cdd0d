package dev.localgpt.core.agent.tools;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonValue;
import java.util.Arrays;

/** Builds the small JSON schemas of the tools, as values (the adapters serialise them). */
final class Schemas {
  private Schemas() {}

  /** One property of an object schema. */
  record Prop(String name, JsonObject schema) {}

  /** A property, e.g. {@code prop("path", "string", "Path of the file")}. */
  static Prop prop(String name, String type, String description) {
    return new Prop(
        name, JsonObject.builder().put("type", type).put("description", description).build());
  }

  /** An object schema with the given properties and required names. */
  static JsonObject object(String[] required, Prop... properties) {
    JsonObject.Builder props = JsonObject.builder();
    for (Prop p : properties) {
      props.put(p.name(), p.schema());
    }
    return JsonObject.builder()
        .put("type", "object")
        .put("properties", props.build())
        .put("required", JsonValue.ofStrings(Arrays.asList(required)))
        .build();
  }

  static String[] required(String... names) {
    return names;
  }
}
