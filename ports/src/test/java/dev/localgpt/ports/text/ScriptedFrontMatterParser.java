package dev.localgpt.ports.text;

import dev.localgpt.ports.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * A fake {@link FrontMatterParser} for tests of what is done with front matter: answers the front
 * matter given for an exact text, or fails as told; any other text has none. (Reading YAML is the
 * adapter's job, tested there.)
 */
public final class ScriptedFrontMatterParser implements FrontMatterParser {
  private final Map<String, FrontMatter> answers = new HashMap<>();
  private final Map<String, String> failures = new HashMap<>();

  /**
   * Answers {@code fields} and {@code body} for {@code text}; returns the text, to be written to a
   * file.
   */
  public synchronized String given(String text, JsonObject fields, String body) {
    answers.put(text, new FrontMatter(fields, body));
    return text;
  }

  /**
   * Makes {@code text} fail with a {@link FrontMatterException} of {@code message}; returns the
   * text.
   */
  public synchronized String failing(String text, String message) {
    failures.put(text, message);
    return text;
  }

  @Override
  public synchronized FrontMatter parse(String markdown) {
    if (failures.containsKey(markdown)) {
      throw new FrontMatterException(failures.get(markdown));
    }
    return answers.getOrDefault(markdown, FrontMatter.none(markdown));
  }
}
