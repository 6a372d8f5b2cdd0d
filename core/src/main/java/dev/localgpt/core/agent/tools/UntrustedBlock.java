package dev.localgpt.core.agent.tools;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Fences untrusted text (tool output, file content, web pages) into a labelled block with a random id:
 *
 * <pre>
 * &lt;tool_output id="3f9a0c1b2d4e" source="read_file"&gt;
 * ...
 * &lt;/tool_output id="3f9a0c1b2d4e"&gt;
 * </pre>
 *
 * Any block tag inside the content (opening or closing, any of the three kinds) is neutralised to {@code &lt;...},
 * so the content cannot close its block or fake a new one, and the id cannot be guessed in advance. Chat-template
 * control tokens such as {@code <|im_start|>} are replaced by {@code [FILTERED]}.
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
      Pattern.compile("<(\\s*/?\\s*(?:tool_output|memory_context|external_content))", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTROL_TOKENS =
      Pattern.compile(
          "<\\|im_start\\|>\\s*system|<\\|im_end\\|>|<\\|system\\|>|</?system>|<</?SYS>>|\\[/?INST]|</?s>",
          Pattern.CASE_INSENSITIVE);
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
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    String label = UNSAFE_LABEL.matcher(source == null ? "" : source).replaceAll("_");
    return "<" + kind.tag() + " id=\"" + id + "\" source=\"" + label + "\">\n"
        + neutralise(content)
        + "\n</" + kind.tag() + " id=\"" + id + "\">";
  }

  /** The content with block tags and chat-template control tokens made harmless. */
  public static String neutralise(String content) {
    String text = content == null ? "" : content;
    text = CONTROL_TOKENS.matcher(text).replaceAll("[FILTERED]");
    return BLOCK_TAG.matcher(text).replaceAll("&lt;$1");
  }
}
