package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts Markdown into chunks of at most a size: with a {@link TokenCounter}, {@link
 * ChunkerSettings#chunkTokens()} tokens of the embedding model (a chunk longer than the model's
 * window gets a vector per window, {@link ChunkWindows}); without one, {@link
 * ChunkerSettings#maxChars()} characters. A cut goes preferably before a heading, then at a
 * paragraph break, then between lines, and never inside a fenced code block unless the block alone
 * is too big; lines longer than a chunk are split. The next chunk repeats about the overlap ({@link
 * ChunkerSettings#overlapTokens()}) of trailing whole lines, except after a heading cut.
 * Thread-safe if the counter is.
 */
public final class MarkdownChunker {
  /** Bumped when the cutting rules change, so indexes built by older rules are re-chunked. */
  static final int RULES = 2;

  private final ChunkerSettings settings;
  private final TokenCounter tokens;
  private final int max;
  private final int overlap;

  /** Sizes measured in characters ({@link ChunkerSettings#charsPerToken()} per token). */
  public MarkdownChunker(ChunkerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.tokens = null;
    this.max = settings.maxChars();
    this.overlap = settings.overlapChars();
  }

  /**
   * Sizes measured in {@code tokens}. Chunks may be longer than the model's window: the vector
   * phase embeds such a chunk window by window ({@link ChunkWindows}).
   */
  public MarkdownChunker(ChunkerSettings settings, TokenCounter tokens) {
    this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
    this.tokens = Objects.requireNonNull(tokens, "'tokens' must not be null");
    this.max = settings.chunkTokens();
    this.overlap = settings.overlapTokens();
  }

  public MarkdownChunker() {
    this(ChunkerSettings.defaults());
  }

  public ChunkerSettings settings() {
    return settings;
  }

  /**
   * What decides where cuts go: rules, unit, size and overlap; in tokens also the model's window,
   * which decides the windows a chunk's vectors are made of ({@link ChunkWindows}). An index whose
   * chunks came from another version re-chunks (and so re-embeds) its files ({@link
   * MemoryIndexer}).
   */
  public String version() {
    String unit = tokens == null ? "chars" : "tokens:" + tokens.id() + "@" + tokens.window();
    return "markdown-" + RULES + "/" + unit + "/" + max + "/" + overlap;
  }

  /** Whether sizes are measured in {@code embedder}'s own tokens. */
  public boolean measuresIn(Embedder embedder) {
    return tokens != null && tokens.id().equals(embedder.modelId());
  }

  /** Chunks {@code content} (any line endings); a blank file gives no chunks. */
  public List<Chunk> chunk(String path, String content) {
    List<String> lines = splitLines(content);
    MarkdownStructure md = new MarkdownStructure(lines);
    int n = lines.size();
    int[] sizes = new int[n];
    for (int i = 0; i < n; i++) {
      sizes[i] =
          tokens == null
              ? lines.get(i).length() + 1
              : (md.blank[i] ? 0 : tokens.count(lines.get(i)));
    }
    List<Chunk> out = new ArrayList<>();
    int s = 0;
    while (s < n) {
      while (s < n && md.blank[s]) {
        s++;
      }
      if (s >= n) {
        break;
      }
      if (sizes[s] > max) {
        if (tokens == null) {
          splitLongLine(path, lines.get(s), s, md.headingPath[s], out);
        } else {
          for (String piece : new LongLineSplitter(tokens, max, overlap).split(lines.get(s))) {
            out.add(new Chunk(path, s + 1, s + 1, md.headingPath[s], piece, Hashes.sha256(piece)));
          }
        }
        s++;
        continue;
      }
      int size = 0;
      int e = s;
      while (e < n && (e == s || size + sizes[e] <= max)) {
        size += sizes[e];
        e++;
      }
      if (e >= n) {
        emit(path, lines, md, s, n, out);
        break;
      }
      int[] cut = chooseCut(sizes, md, s, e);
      int c = cut[0];
      emit(path, lines, md, s, c, out);
      s = cut[1] == 1 ? overlapStart(sizes, s, c) : c;
    }
    return out;
  }

  /**
   * Returns {cut, overlapAllowed}; cut is the exclusive end line of the chunk starting at {@code
   * s}.
   */
  private int[] chooseCut(int[] sizes, MarkdownStructure md, int s, int e) {
    int minFill = max / 2;
    int bestFull = -1;
    int bestAny = -1;
    int size = 0;
    for (int c = s + 1; c <= e; c++) {
      size += sizes[c - 1];
      byte p = md.cutPriority[c];
      if (p == MarkdownStructure.NONE) {
        continue;
      }
      if (size >= minFill && (bestFull < 0 || p >= md.cutPriority[bestFull])) {
        bestFull = c;
      }
      if (bestAny < 0 || p >= md.cutPriority[bestAny]) {
        bestAny = c;
      }
    }
    if (bestFull > 0) {
      return new int[] {bestFull, md.cutPriority[bestFull] == MarkdownStructure.HEADING ? 0 : 1};
    }
    if (bestAny > 0) {
      return new int[] {bestAny, 0};
    }
    return new int[] {e, 1};
  }

  private int overlapStart(int[] sizes, int s, int c) {
    int t = c;
    int size = 0;
    while (t - 1 > s && size + sizes[t - 1] <= overlap) {
      size += sizes[t - 1];
      t--;
    }
    return t;
  }

  private static void emit(
      String path,
      List<String> lines,
      MarkdownStructure md,
      int s,
      int endExclusive,
      List<Chunk> out) {
    int last = endExclusive - 1;
    while (last > s && md.blank[last]) {
      last--;
    }
    String text = String.join("\n", lines.subList(s, last + 1));
    out.add(new Chunk(path, s + 1, last + 1, md.headingPath[s], text, Hashes.sha256(text)));
  }

  private void splitLongLine(
      String path, String line, int index, String headingPath, List<Chunk> out) {
    int step = Math.max(1, max - overlap);
    int from = 0;
    while (from < line.length()) {
      int to = Math.min(line.length(), from + max);
      if (to < line.length() && Character.isLowSurrogate(line.charAt(to))) {
        to--;
      }
      String text = line.substring(from, to);
      out.add(new Chunk(path, index + 1, index + 1, headingPath, text, Hashes.sha256(text)));
      if (to >= line.length()) {
        break;
      }
      int next = from + step;
      if (Character.isLowSurrogate(line.charAt(next))) {
        next--;
      }
      from = Math.max(from + 1, next);
    }
  }

  /**
   * Splits on {@code \n}, {@code \r\n} or {@code \r}; a final line terminator does not start
   * another line.
   */
  static List<String> splitLines(String content) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int len = content.length();
    for (int i = 0; i < len; i++) {
      char ch = content.charAt(i);
      if (ch == '\n' || ch == '\r') {
        lines.add(content.substring(start, i));
        if (ch == '\r' && i + 1 < len && content.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < len) {
      lines.add(content.substring(start));
    }
    return lines;
  }
}
