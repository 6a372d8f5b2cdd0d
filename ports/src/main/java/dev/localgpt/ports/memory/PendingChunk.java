package dev.localgpt.ports.memory;

import java.util.Objects;

/**
 * A stored chunk that has no vector yet: keyword search finds it, vector search does not.
 *
 * @param id the chunk's index-assigned id (see {@link StoredChunk#id()})
 * @param textHash SHA-256 hex of {@code text}; key of the embedding cache
 * @param text the chunk text to embed
 */
public record PendingChunk(long id, String textHash, String text) {
  public PendingChunk {
    Objects.requireNonNull(textHash, "'textHash' must not be null");
    Objects.requireNonNull(text, "'text' must not be null");
  }
}
