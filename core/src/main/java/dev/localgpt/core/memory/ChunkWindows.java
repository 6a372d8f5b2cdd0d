package dev.localgpt.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a chunk's text into the windows its vectors are made of: a chunk that fits the embedding
 * model's window is one window (its own text); a longer one is cut by the token chunker into
 * windows of at most the model's window that overlap by a fifth, so every token of the chunk
 * reaches a vector. Thread-safe if the counter is.
 */
public final class ChunkWindows {
  private final TokenCounter tokens;
  private final MarkdownChunker cutter;
  private final int window;

  public ChunkWindows(TokenCounter tokens) {
    this.tokens = Objects.requireNonNull(tokens, "'tokens' must not be null");
    this.window = tokens.window();
    this.cutter =
        window == Integer.MAX_VALUE
            ? null
            : new MarkdownChunker(new ChunkerSettings(window, window / 5, 4), tokens);
  }

  /** The window texts of {@code text}, in order; a text within the window is its only window. */
  public List<String> of(String text) {
    if (cutter == null || tokens.count(text) <= window) {
      return List.of(text);
    }
    List<String> out = new ArrayList<>();
    for (Chunk c : cutter.chunk("window.md", text)) {
      out.add(c.text());
    }
    return out.isEmpty() ? List.of(text) : out;
  }

  /** What decides the windows (part of the chunking version): the tokenizer and window size. */
  public String version() {
    return cutter == null ? "windows:none" : "windows:" + tokens.id() + "/" + cutter.version();
  }
}
