package dev.localgpt.core.agent.tools;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Fences untrusted text (tool output, file content, web pages) into a labelled block with a random
 * id:
 *
 * <pre>
 * &lt;tool_output id="3f9a0c1b2d4e" source="read_file"&gt;
 * ...
 * &lt;/tool_output id="3f9a0c1b2d4e"&gt;
 * </pre>
 *
 * Any block tag inside the content (opening or closing, any of the three kinds) is neutralised to
 * {@code &lt;...}, so the content cannot close its block or fake a new one, and the id cannot be
 * guessed in advance. Chat-template control tokens such as {@code <|im_start|>}, {@code <|eot_id|>}
 * or {@code <start_of_turn>} are replaced by {@code [FILTERED]}. Look-alikes (zero-width
 * characters, soft hyphens, fullwidth or Cyrillic letters) are normalised before checking.
 */
public final class UntrustedBlock {

  /** The three block kinds of LocalGPT's content boundaries. */
  public enum Kind {
    TOOL_OUTPUT("tool_output"),
    MEMORY_CONTEXT("memory_context"),
    EXTERNAL_CONTENT("external_content");

    private final String tag;

    Kind(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  private static final Pattern BLOCK_TAG =
      Pattern.compile(
          "<(\\s*/?\\s*(?:"
              + lookAlike("tool_output")
              + "|"
              + lookAlike("memory_context")
              + "|"
              + lookAlike("external_content")
              + "))",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * Chat-template control tokens of the common model families: ChatML and Llama 3 / Harmony style
   * {@code <|...|>}, Gemma's turn markers, Llama 2 / Mistral's {@code [INST]}, {@code <<SYS>>} and
   * sentence markers, Mistral's bracketed sections, and Hermes/Qwen tool-call tags.
   */
  private static final Pattern CONTROL_TOKENS =
      Pattern.compile(
          "<\\s*\\|\\s*[A-Za-z0-9_\u2581.:-]{1,40}\\s*\\|\\s*>"
              + "|</?\\s*(?:start_of_turn|end_of_turn|bos|eos|system|s|tool_call|tool_response|function_call)\\s*>"
              + "|<</?SYS>>|\\[/?(?:INST|SYSTEM_PROMPT|AVAILABLE_TOOLS|TOOL_CALLS|TOOL_RESULTS|TOOL_CONTENT)]",
          Pattern.CASE_INSENSITIVE);

  /**
   * Invisible characters (zero-width, soft hyphen, word joiner, BOM, bidi controls), removed from
   * content.
   */
  private static final Pattern INVISIBLE =
      Pattern.compile(
          "[\\u00AD\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");

  private static final Pattern UNSAFE_LABEL = Pattern.compile("[^A-Za-z0-9_./:@-]");

  private final RandomGenerator random;

  public UntrustedBlock(RandomGenerator random) {
    this.random = random;
  }

  /** Uses a {@link SecureRandom}. */
  public static UntrustedBlock secure() {
    return new UntrustedBlock(new SecureRandom());
  }

  /** Wraps {@code content} in a block of {@code kind} labelled with {@code source}. */
  public String wrap(Kind kind, String source, String content) {
    String id = newId();
    String label = UNSAFE_LABEL.matcher(source == null ? "" : source).replaceAll("_");
    return "<"
        + kind.tag()
        + " id=\""
        + id
        + "\" source=\""
        + label
        + "\">\n"
        + neutralise(content)
        + "\n</"
        + kind.tag()
        + " id=\""
        + id
        + "\">";
  }

  /** A fresh random fence id (12 hex digits). */
  public String newId() {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The content with block tags and chat-template control tokens made harmless. First normalised,
   * so look-alikes cannot slip through: invisible characters are removed and fullwidth, small-form
   * and angle-bracket look-alikes of the characters of fences and tokens turned into ASCII.
   */
  public static String neutralise(String content) {
    String text = normalise(content == null ? "" : content);
    text = CONTROL_TOKENS.matcher(text).replaceAll("[FILTERED]");
    return BLOCK_TAG.matcher(text).replaceAll("&lt;$1");
  }

  static String normalise(String text) {
    String visible = INVISIBLE.matcher(text).replaceAll("");
    StringBuilder out = new StringBuilder(visible.length());
    visible.codePoints().forEach(c -> out.appendCodePoint(fold(c)));
    return out.toString();
  }

  /**
   * ASCII for the look-alikes of fence and token characters: fullwidth letters, digits and {@code <
   * > / | _ [ ]}, small-form and angle-bracket look-alikes. Other text (CJK punctuation, ellipses)
   * is left as written.
   */
  private static int fold(int c) {
    if ((c >= 0xFF10 && c <= 0xFF19)
        || (c >= 0xFF21 && c <= 0xFF3A)
        || (c >= 0xFF41 && c <= 0xFF5A)) {
      return c - 0xFEE0;
    }
    return switch (c) {
      case 0xFF1C, 0xFE64, 0x2039, 0x2329, 0x3008, 0x27E8, 0x276E, 0x02C2, 0x1438 -> '<';
      case 0xFF1E, 0xFE65, 0x203A, 0x232A, 0x3009, 0x27E9, 0x276F, 0x02C3, 0x1433 -> '>';
      case 0xFF0F, 0x2215, 0x2044, 0x29F8, 0x1735 -> '/';
      case 0xFF5C, 0x01C0, 0x2223, 0x2758, 0x23D0 -> '|';
      case 0xFF3F -> '_';
      case 0xFF3B -> '[';
      case 0xFF3D -> ']';
      default -> c;
    };
  }

  /**
   * A regex for {@code tag} that also matches Cyrillic and Greek letters that look like its Latin
   * ones.
   */
  static String lookAlike(String tag) {
    StringBuilder regex = new StringBuilder();
    for (char c : tag.toCharArray()) {
      regex.append(
          switch (c) {
            case 'a' -> "[a\u0430\u03b1]";
            case 'c' -> "[c\u0441\u03f2]";
            case 'e' -> "[e\u0435]";
            case 'i' -> "[i\u0456\u03b9]";
            case 'l' -> "[l\u04cf\u0406]";
            case 'm' -> "[m\u043c]";
            case 'n' -> "[n\u043f]";
            case 'o' -> "[o\u043e\u03bf]";
            case 'p' -> "[p\u0440\u03c1]";
            case 'r' -> "[r\u0433]";
            case 't' -> "[t\u0442\u03c4]";
            case 'u' -> "[u\u03c5]";
            case 'x' -> "[x\u0445\u03c7]";
            case 'y' -> "[y\u0443]";
            case '_' -> "[_\\s]?";
            default -> String.valueOf(c);
          });
    }
    return regex.toString();
  }
}
