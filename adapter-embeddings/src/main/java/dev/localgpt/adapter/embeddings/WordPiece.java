package dev.localgpt.adapter.embeddings;

import java.util.Map;

/**
 * Greedy longest-match-first WordPiece over a fixed vocabulary: a word becomes its longest prefix
 * in the vocabulary followed by the longest {@code ##}-continuations; a word with an unmatched
 * rest, or longer than {@code maxCharsPerWord} code points, becomes the single unknown token.
 * Immutable and thread-safe.
 */
final class WordPiece {
  private final Map<String, Integer> vocab;
  private final String unknownToken;
  private final int unknownId;
  private final String continuationPrefix;
  private final int maxCharsPerWord;

  WordPiece(
      Map<String, Integer> vocab,
      String unknownToken,
      String continuationPrefix,
      int maxCharsPerWord) {
    this.vocab = Map.copyOf(vocab);
    this.unknownToken = unknownToken;
    this.unknownId = idOf(unknownToken);
    this.continuationPrefix = continuationPrefix;
    this.maxCharsPerWord = maxCharsPerWord;
  }

  /** The id of {@code token}; fails if the vocabulary lacks it. */
  int idOf(String token) {
    Integer id = vocab.get(token);
    if (id == null) {
      throw new IllegalArgumentException("tokenizer vocabulary has no token '" + token + "'");
    }
    return id;
  }

  int vocabularySize() {
    return vocab.size();
  }

  /** The vocabulary: token to id (unmodifiable). */
  Map<String, Integer> vocabulary() {
    return vocab;
  }

  String unknownToken() {
    return unknownToken;
  }

  String continuationPrefix() {
    return continuationPrefix;
  }

  int maxCharsPerWord() {
    return maxCharsPerWord;
  }

  /**
   * Appends the ids of {@code word} to {@code out} starting at {@code size}, but never beyond
   * {@code out.length}.
   *
   * @return the new size
   */
  int tokenize(String word, int[] out, int size) {
    if (size >= out.length) {
      return size;
    }
    if (word.codePointCount(0, word.length()) > maxCharsPerWord) {
      out[size] = unknownId;
      return size + 1;
    }
    int[] pieces = new int[word.length()];
    int count = 0;
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer found = null;
      while (start < end) {
        String piece = word.substring(start, end);
        found = vocab.get(start > 0 ? continuationPrefix + piece : piece);
        if (found != null) {
          break;
        }
        end = word.offsetByCodePoints(end, -1);
      }
      if (found == null) {
        out[size] = unknownId;
        return size + 1;
      }
      pieces[count++] = found;
      start = end;
    }
    int n = Math.min(count, out.length - size);
    System.arraycopy(pieces, 0, out, size, n);
    return size + n;
  }
}
