package dev.localgpt.core.memory;

import java.util.Objects;

/**
 * A piece of a Markdown file as the chunker cuts it.
 *
 * @param path the file's index path
 * @param startLine first line, 1-based inclusive
 * @param endLine last line, 1-based inclusive
 * @param headingPath headings in effect at the first line, e.g. {@code # A > ## B}; empty when none
 * @param text the chunk text (lines joined by {@code \n})
 * @param hash SHA-256 hex of {@code text}
 */
public record Chunk(
    String path, int startLine, int endLine, String headingPath, String text, String hash) {
  public Chunk {
    Objects.requireNonNull(path, "'path' must not be null");
    Objects.requireNonNull(headingPath, "'headingPath' must not be null");
    Objects.requireNonNull(text, "'text' must not be null");
    Objects.requireNonNull(hash, "'hash' must not be null");
    if (startLine < 1 || endLine < startLine) {
      throw new IllegalArgumentException(
          "'startLine'/'endLine' must satisfy 1 <= start <= end, were "
              + startLine
              + "/"
              + endLine);
    }
  }
}
