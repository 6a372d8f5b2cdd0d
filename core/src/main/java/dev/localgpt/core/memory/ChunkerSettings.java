package dev.localgpt.core.memory;

/**
 * Chunk size and overlap. Tokens are approximated as {@link #charsPerToken()} characters.
 *
 * @param chunkTokens target chunk size in tokens, &gt; 0
 * @param overlapTokens tokens repeated at the start of the next chunk, &gt;= 0 and &lt; half of
 *     {@code chunkTokens}
 * @param charsPerToken characters per token, &gt; 0
 */
public record ChunkerSettings(int chunkTokens, int overlapTokens, int charsPerToken) {
  public ChunkerSettings {
    if (chunkTokens <= 0) {
      throw new IllegalArgumentException("'chunkTokens' must be > 0, was " + chunkTokens);
    }
    if (overlapTokens < 0 || overlapTokens * 2 >= chunkTokens) {
      throw new IllegalArgumentException(
          "'overlapTokens' must be >= 0 and < chunkTokens / 2 ("
              + chunkTokens
              + "), was "
              + overlapTokens);
    }
    if (charsPerToken <= 0) {
      throw new IllegalArgumentException("'charsPerToken' must be > 0, was " + charsPerToken);
    }
  }

  /** 400 tokens, 80 overlap, 4 chars per token. */
  public static ChunkerSettings defaults() {
    return new ChunkerSettings(400, 80, 4);
  }

  public int maxChars() {
    return chunkTokens * charsPerToken;
  }

  public int overlapChars() {
    return overlapTokens * charsPerToken;
  }
}
