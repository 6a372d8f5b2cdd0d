package dev.localgpt.adapter.embeddings;

import java.text.Normalizer;
import java.util.Locale;

/**
 * BERT's text normalisation, as configured by a tokenizer.json {@code BertNormalizer}: remove
 * control characters and map whitespace to spaces, put spaces around CJK ideographs, lowercase, and
 * strip accents (NFD, then drop non-spacing marks). Stateless and thread-safe.
 */
record BertNormalizer(
    boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {

  String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean ascii = true;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cleanText) {
        if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
          continue;
        }
        if (isWhitespace(cp)) {
          out.append(' ');
          continue;
        }
      }
      if (handleChineseChars && isChinese(cp)) {
        out.append(' ').appendCodePoint(cp).append(' ');
      } else {
        out.appendCodePoint(cp);
      }
      ascii &= cp < 0x80;
    }
    String result = out.toString();
    if (lowercase) {
      result = result.toLowerCase(Locale.ROOT);
    }
    if (stripAccents && !ascii) {
      result = removeAccents(result);
    }
    return result;
  }

  /**
   * Whitespace as BERT sees it: space, tab, newline, carriage return and the Unicode space
   * separators.
   */
  static boolean isWhitespace(int cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.isSpaceChar(cp);
  }

  private static boolean isControl(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  /**
   * The CJK Unified Ideographs blocks BERT treats as one word each (not Hangul, Hiragana or
   * Katakana).
   */
  private static boolean isChinese(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F)
        || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }

  private static String removeAccents(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) != Character.NON_SPACING_MARK) {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
