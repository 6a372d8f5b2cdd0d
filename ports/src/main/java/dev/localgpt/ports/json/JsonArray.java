package dev.localgpt.ports.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A JSON array. */
public record JsonArray(List<JsonValue> items) implements JsonValue {
  public static final JsonArray EMPTY = new JsonArray(List.of());

  public JsonArray {
    items = List.copyOf(items);
  }

  public static JsonArray of(JsonValue... items) {
    return new JsonArray(Arrays.asList(items));
  }

  public int size() {
    return items.size();
  }

  public JsonValue get(int index) {
    return items.get(index);
  }

  /**
   * The items as strings; numbers and booleans are given as their JSON text, nulls are skipped.
   *
   * @throws JsonTypeException naming {@code what} when an item is an object or an array
   */
  public List<String> strings(String what) {
    List<String> out = new ArrayList<>();
    for (JsonValue item : items) {
      switch (item) {
        case JsonString s -> out.add(s.value());
        case JsonNumber n -> out.add(n.toString());
        case JsonBool b -> out.add(b.toString());
        case JsonNull n -> {}
        default ->
            throw new JsonTypeException("'" + what + "' must hold strings, got " + item.describe());
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return JsonText.write(this);
  }
}
