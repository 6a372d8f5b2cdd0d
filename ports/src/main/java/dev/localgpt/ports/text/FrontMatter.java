package dev.localgpt.ports.text;

import dev.localgpt.ports.json.JsonObject;
import java.util.Objects;

/**
 * The front matter of a Markdown file and the Markdown after it.
 *
 * @param fields every front matter field as parsed (nested maps and lists included, unknown fields
 *     kept); empty when the file has no front matter
 * @param body the Markdown after the closing {@code ---} line (the whole text when there is no
 *     front matter)
 */
public record FrontMatter(JsonObject fields, String body) {
  public FrontMatter {
    Objects.requireNonNull(fields, "'fields' must not be null");
    Objects.requireNonNull(body, "'body' must not be null");
  }

  /** A text without front matter. */
  public static FrontMatter none(String body) {
    return new FrontMatter(JsonObject.EMPTY, body);
  }
}
