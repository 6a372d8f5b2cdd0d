package dev.localgpt.ports.text;

/**
 * Splits a Markdown text into its front matter (a block between a first line {@code ---} and the
 * next {@code ---} or {@code ...} line, in YAML) and its body. Thread-safe, no I/O.
 */
public interface FrontMatterParser {

  /**
   * Parses the front matter of {@code markdown}; a text that does not start with {@code ---} has
   * none.
   *
   * @throws FrontMatterException when the block is never closed or is not a YAML mapping
   */
  FrontMatter parse(String markdown);
}
