package dev.localgpt.adapter.embeddings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link BertTokenizer} in a compact text file, read ~10× faster than its tokenizer.json (which
 * holds the vocabulary as a JSON object of 30,000 members). Line 1: a magic word, the format
 * version, the four normaliser flags, the longest word and the vocabulary size; line 2: the unknown
 * token; line 3: the continuation prefix; then one token per line, its id being its position. A
 * vocabulary whose ids are not 0..n-1 or whose tokens hold a line break is not written. A file that
 * does not read back whole is deleted and reported empty, so the caller parses the JSON again.
 */
final class CompactTokenizer {
  private static final String MAGIC = "localgpt-wordpiece";
  private static final String VERSION = "1";
  private static final int HEADER_LINES = 3;

  private CompactTokenizer() {}

  /** Writes {@code tokenizer} to {@code file} (via a temporary file); false if it cannot. */
  static boolean write(BertTokenizer tokenizer, Path file) {
    WordPiece words = tokenizer.wordPiece();
    Map<String, Integer> vocab = words.vocabulary();
    String[] byId = new String[vocab.size()];
    for (Map.Entry<String, Integer> entry : vocab.entrySet()) {
      int id = entry.getValue();
      if (id < 0 || id >= byId.length || byId[id] != null || hasLineBreak(entry.getKey())) {
        return false;
      }
      byId[id] = entry.getKey();
    }
    if (hasLineBreak(words.unknownToken()) || hasLineBreak(words.continuationPrefix())) {
      return false;
    }
    BertNormalizer n = tokenizer.normalizer();
    StringBuilder out = new StringBuilder(vocab.size() * 8);
    out.append(MAGIC).append(' ').append(VERSION);
    for (boolean flag : new boolean[] {n.cleanText(), n.handleChineseChars(), n.stripAccents()}) {
      out.append(' ').append(flag);
    }
    out.append(' ').append(n.lowercase());
    out.append(' ').append(words.maxCharsPerWord()).append(' ').append(byId.length).append('\n');
    out.append(words.unknownToken()).append('\n').append(words.continuationPrefix());
    for (String token : byId) {
      out.append('\n').append(token);
    }
    Path temp = null;
    try {
      Files.createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
      Files.writeString(temp, out, StandardCharsets.UTF_8);
      ResourceFiles.move(temp, file);
      temp = null;
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    } finally {
      ResourceFiles.deleteQuietly(temp);
    }
  }

  /** The tokenizer in {@code file}; empty (and the file deleted) if it is missing or damaged. */
  static Optional<BertTokenizer> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(parse(text));
    } catch (IOException | RuntimeException e) {
      ResourceFiles.deleteQuietly(file);
      return Optional.empty();
    }
  }

  private static BertTokenizer parse(String text) {
    String[] header = new String[HEADER_LINES];
    int start = 0;
    for (int i = 0; i < HEADER_LINES; i++) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        throw new IllegalArgumentException("truncated header");
      }
      header[i] = text.substring(start, end);
      start = end + 1;
    }
    String[] fields = header[0].split(" ");
    if (fields.length != 8 || !fields[0].equals(MAGIC) || !fields[1].equals(VERSION)) {
      throw new IllegalArgumentException("not a compact tokenizer");
    }
    int size = Integer.parseInt(fields[7]);
    Map<String, Integer> vocab = new HashMap<>(size * 4 / 3 + 1);
    int id = 0;
    for (int i = start; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        vocab.put(text.substring(start, i), id++);
        start = i + 1;
      }
    }
    if (id != size || vocab.size() != size) {
      throw new IllegalArgumentException("expected " + size + " tokens, found " + id);
    }
    BertNormalizer normalizer =
        new BertNormalizer(flag(fields[2]), flag(fields[3]), flag(fields[4]), flag(fields[5]));
    WordPiece words = new WordPiece(vocab, header[1], header[2], Integer.parseInt(fields[6]));
    return new BertTokenizer(normalizer, words);
  }

  private static boolean flag(String field) {
    return switch (field) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a flag: " + field);
    };
  }

  private static boolean hasLineBreak(String token) {
    return token.indexOf('\n') >= 0 || token.indexOf('\r') >= 0;
  }
}
