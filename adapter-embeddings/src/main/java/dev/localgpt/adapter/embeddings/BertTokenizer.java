package dev.localgpt.adapter.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A BERT uncased tokenizer built from a Hugging Face {@code tokenizer.json}: {@link
 * BertNormalizer}, BERT pre-tokenization (split at whitespace, every punctuation character its own
 * word), {@link WordPiece}, then {@code [CLS] ... [SEP]}. Immutable and thread-safe.
 */
final class BertTokenizer {
  private final BertNormalizer normalizer;
  private final WordPiece wordPiece;
  private final int clsId;
  private final int sepId;

  BertTokenizer(BertNormalizer normalizer, WordPiece wordPiece) {
    this.normalizer = normalizer;
    this.wordPiece = wordPiece;
    this.clsId = wordPiece.idOf("[CLS]");
    this.sepId = wordPiece.idOf("[SEP]");
  }

  BertNormalizer normalizer() {
    return normalizer;
  }

  WordPiece wordPiece() {
    return wordPiece;
  }

  /**
   * Reads the normalizer settings and the WordPiece vocabulary from a tokenizer.json.
   *
   * @throws IOException if the stream cannot be read
   * @throws IllegalArgumentException if it is not a BERT WordPiece tokenizer
   */
  static BertTokenizer fromJson(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode norm = root.path("normalizer");
    require(norm, "BertNormalizer", "normalizer");
    require(root.path("pre_tokenizer"), "BertPreTokenizer", "pre_tokenizer");
    JsonNode model = root.path("model");
    require(model, "WordPiece", "model");
    boolean lowercase = norm.path("lowercase").asBoolean(true);
    JsonNode strip = norm.path("strip_accents");
    BertNormalizer normalizer =
        new BertNormalizer(
            norm.path("clean_text").asBoolean(true),
            norm.path("handle_chinese_chars").asBoolean(true),
            strip.isBoolean() ? strip.asBoolean() : lowercase,
            lowercase);
    Map<String, Integer> vocab = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      vocab.put(entry.getKey(), entry.getValue().asInt());
    }
    if (vocab.isEmpty()) {
      throw new IllegalArgumentException("tokenizer.json has an empty 'model.vocab'");
    }
    WordPiece wordPiece =
        new WordPiece(
            vocab,
            model.path("unk_token").asText("[UNK]"),
            model.path("continuing_subword_prefix").asText("##"),
            model.path("max_input_chars_per_word").asInt(100));
    return new BertTokenizer(normalizer, wordPiece);
  }

  private static void require(JsonNode node, String type, String field) {
    if (!type.equals(node.path("type").asText())) {
      throw new IllegalArgumentException(
          "tokenizer.json '"
              + field
              + "' must be "
              + type
              + ", was "
              + node.path("type").asText("missing"));
    }
  }

  /**
   * The token ids of {@code text}: {@code [CLS]}, the first {@code maxTokens - 2} word pieces,
   * {@code [SEP]}.
   *
   * @param maxTokens at least 2
   */
  int[] encode(String text, int maxTokens) {
    if (maxTokens < 2) {
      throw new IllegalArgumentException("'maxTokens' must be >= 2, was " + maxTokens);
    }
    String normalized = normalizer.normalize(text);
    int[] ids = new int[Math.min(maxTokens, normalized.length() + 2)];
    ids[0] = clsId;
    int size = 1;
    int limit = ids.length - 1;
    int[] pieces = new int[limit];
    int wordStart = -1;
    for (int i = 0; i < normalized.length() && size < limit; ) {
      int cp = normalized.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (BertNormalizer.isWhitespace(cp) || isPunctuation(cp)) {
        if (wordStart >= 0) {
          size = append(normalized.substring(wordStart, i), ids, size, pieces, limit);
          wordStart = -1;
        }
        if (!BertNormalizer.isWhitespace(cp) && size < limit) {
          size = append(normalized.substring(i, next), ids, size, pieces, limit);
        }
      } else if (wordStart < 0) {
        wordStart = i;
      }
      i = next;
    }
    if (wordStart >= 0 && size < limit) {
      size = append(normalized.substring(wordStart), ids, size, pieces, limit);
    }
    ids[size++] = sepId;
    return size == ids.length ? ids : Arrays.copyOf(ids, size);
  }

  /**
   * How many word pieces {@code text} has, without {@code [CLS]}/{@code [SEP]} and without
   * truncation. Counts add up over texts split at whitespace (a word never spans a line break).
   */
  int count(String text) {
    return encode(text, Integer.MAX_VALUE).length - 2;
  }

  private int append(String word, int[] ids, int size, int[] scratch, int limit) {
    int n = wordPiece.tokenize(word, scratch, 0);
    int copy = Math.min(n, limit - size);
    System.arraycopy(scratch, 0, ids, size, copy);
    return size + copy;
  }

  /** Punctuation as BERT sees it: every ASCII symbol, and the Unicode punctuation categories P*. */
  static boolean isPunctuation(int cp) {
    if ((cp >= 33 && cp <= 47)
        || (cp >= 58 && cp <= 64)
        || (cp >= 91 && cp <= 96)
        || (cp >= 123 && cp <= 126)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }
}
