package dev.localgpt.ports.memory;

import dev.localgpt.ports.embedding.Embedding;
import java.util.Objects;

/**
 * A chunk about to be stored for a file.
 *
 * @param startLine first line, 1-based inclusive
 * @param endLine last line, 1-based inclusive
 * @param headingPath the Markdown headings above the chunk joined by {@code " > "}; empty when none
 * @param text the chunk text
 * @param textHash SHA-256 hex of {@code text}; key of the embedding cache
 * @param embedding the vector, or null when no embedder is configured
 */
public record NewChunk(
    int startLine,
    int endLine,
    String headingPath,
    String text,
    String textHash,
    Embedding embedding) {
  public NewChunk {
    if (startLine < 1) {
      throw new IllegalArgumentException("'startLine' must be >= 1, was " + startLine);
    }
    if (endLine < startLine) {
      throw new IllegalArgumentException(
          "'endLine' must be >= startLine (" + startLine + "), was " + endLine);
    }
    Objects.requireNonNull(headingPath, "'headingPath' must not be null");
    Objects.requireNonNull(text, "'text' must not be null");
    Objects.requireNonNull(textHash, "'textHash' must not be null");
  }
}
