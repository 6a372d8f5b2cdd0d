package dev.localgpt.adapter.providers.frontmatter;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.localgpt.adapter.providers.json.JacksonJson;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.text.FrontMatter;
import dev.localgpt.ports.text.FrontMatterException;
import dev.localgpt.ports.text.FrontMatterParser;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads front matter with Jackson's YAML parser. OpenClaw's docs also write {@code metadata} as
 * multi-line JSON5 (unquoted keys, single quotes, trailing commas, {@code //} comments), which is
 * not YAML: a {@code metadata} value that starts with <code>{</code> is read with Jackson's lenient
 * JSON first, and by YAML only when that fails. Every field is kept, known or not. Errors name the
 * line of the file. Thread-safe.
 */
public final class YamlFrontMatterParser implements FrontMatterParser {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON5 =
      JsonMapper.builder()
          .enable(
              JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
              JsonReadFeature.ALLOW_SINGLE_QUOTES,
              JsonReadFeature.ALLOW_TRAILING_COMMA,
              JsonReadFeature.ALLOW_JAVA_COMMENTS,
              JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .build();
  private static final Pattern METADATA = Pattern.compile("^metadata\\s*:(.*)$");
  private static final Pattern MARK = Pattern.compile("line (\\d+), column \\d+");

  @Override
  public FrontMatter parse(String markdown) {
    String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
    text = text.replace("\r\n", "\n");
    String[] lines = text.split("\n", -1);
    if (!lines[0].strip().equals("---")) {
      return FrontMatter.none(text);
    }
    int close = 1;
    while (close < lines.length
        && !lines[close].strip().equals("---")
        && !lines[close].strip().equals("...")) {
      close++;
    }
    if (close == lines.length) {
      throw new FrontMatterException(
          "front matter starts with '---' but is never closed: add a '---' line after it");
    }
    String[] block = Arrays.copyOfRange(lines, 1, close);
    String body = String.join("\n", Arrays.copyOfRange(lines, close + 1, lines.length));
    return new FrontMatter(fields(block), body);
  }

  private static JsonObject fields(String[] block) {
    JsonObject metadata = null;
    String json5Problem = null;
    int first = -1;
    int end = -1;
    for (int i = 0; i < block.length && first < 0; i++) {
      Matcher m = METADATA.matcher(block[i]);
      if (m.matches()) {
        first = i;
        end = endOfValue(block, i);
        String value =
            (m.group(1) + "\n" + String.join("\n", Arrays.copyOfRange(block, i + 1, end))).strip();
        if (value.startsWith("{")) {
          try {
            JsonNode node = JSON5.readTree(value);
            if (node != null && node.isObject()) {
              metadata = JacksonJson.object(node);
              Arrays.fill(
                  block, i, end,
                  ""); // YAML reads the rest; blank lines keep its line numbers right
            }
          } catch (JsonProcessingException e) {
            json5Problem = firstLine(e.getOriginalMessage());
          }
        }
      }
    }
    JsonNode node;
    try {
      node = YAML.readTree(String.join("\n", block));
    } catch (JsonProcessingException e) {
      int line = line(e);
      if (json5Problem != null && line > first && line <= end + 1) {
        throw new FrontMatterException(
            "line " + (first + 2) + ": 'metadata' is malformed: " + json5Problem);
      }
      throw new FrontMatterException(
          "line "
              + (line + 1)
              + ": expected 'key: value' lines of YAML ("
              + problem(e.getOriginalMessage())
              + ")");
    }
    if (node != null && !node.isMissingNode() && !node.isNull() && !node.isObject()) {
      throw new FrontMatterException(
          "line 2: expected 'key: value' lines of YAML, found "
              + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    JsonObject fields =
        node == null || !node.isObject() ? JsonObject.EMPTY : JacksonJson.object(node);
    return metadata == null ? fields : fields.with("metadata", metadata);
  }

  /**
   * The index after the last line of the value starting on line {@code start}: up to the next
   * top-level key.
   */
  private static int endOfValue(String[] block, int start) {
    int i = start + 1;
    while (i < block.length) {
      String line = block[i];
      boolean topLevelKey =
          !line.isEmpty()
              && !Character.isWhitespace(line.charAt(0))
              && "}]#".indexOf(line.charAt(0)) < 0
              && !line.startsWith("//");
      if (topLevelKey) {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * The YAML line (1-based) of the error: the first mark SnakeYAML names in its message, else the
   * location.
   */
  private static int line(JsonProcessingException e) {
    Matcher mark = MARK.matcher(String.valueOf(e.getOriginalMessage()));
    if (mark.find()) {
      return Integer.parseInt(mark.group(1));
    }
    JsonLocation location = e.getLocation();
    return location == null ? 1 : Math.max(1, location.getLineNr());
  }

  /**
   * SnakeYAML's own words for the problem (its last unindented message line), e.g. "could not find
   * expected ':'".
   */
  private static String problem(String message) {
    String problem = firstLine(message);
    for (String line : String.valueOf(message).split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        problem = line.strip();
      }
    }
    return problem;
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
