package dev.localgpt.adapter.sqlite;

import java.nio.charset.StandardCharsets;

/**
 * The Porter stemmer as FTS5's {@code porter} tokenizer applies it: on the token's UTF-8 bytes (any
 * non-ASCII byte counts as a consonant), leaving tokens shorter than 3 or longer than 64 bytes
 * alone. Steps 2 to 4 try only the first listed suffix that ends the word (and is shorter than it),
 * as FTS5's generated code does; the measure conditions follow FTS5, including its step 1b vowel
 * test that counts a {@code y} after the first letter as a vowel whatever precedes it.
 */
final class PorterStemmer {
  static final int MAX_TOKEN = 64;

  private PorterStemmer() {}

  private interface Condition {
    boolean test(byte[] w, int stem);
  }

  private record Rule(byte[] suffix, byte[] replacement, Condition condition) {
    Rule(String suffix, String replacement, Condition condition) {
      this(bytes(suffix), bytes(replacement), condition);
    }
  }

  private static final Condition M_GT_0 = (w, n) -> measureAtLeast(w, n, 1);
  private static final Condition M_GT_1 = (w, n) -> measureAtLeast(w, n, 2);
  private static final Condition M_GT_1_S_OR_T =
      (w, n) -> n > 0 && (w[n - 1] == 's' || w[n - 1] == 't') && measureAtLeast(w, n, 2);

  private static final Rule[] STEP2 = {
    new Rule("ational", "ate", M_GT_0),
    new Rule("tional", "tion", M_GT_0),
    new Rule("enci", "ence", M_GT_0),
    new Rule("anci", "ance", M_GT_0),
    new Rule("izer", "ize", M_GT_0),
    new Rule("logi", "log", M_GT_0),
    new Rule("bli", "ble", M_GT_0),
    new Rule("alli", "al", M_GT_0),
    new Rule("entli", "ent", M_GT_0),
    new Rule("eli", "e", M_GT_0),
    new Rule("ousli", "ous", M_GT_0),
    new Rule("ization", "ize", M_GT_0),
    new Rule("ation", "ate", M_GT_0),
    new Rule("ator", "ate", M_GT_0),
    new Rule("alism", "al", M_GT_0),
    new Rule("iveness", "ive", M_GT_0),
    new Rule("fulness", "ful", M_GT_0),
    new Rule("ousness", "ous", M_GT_0),
    new Rule("aliti", "al", M_GT_0),
    new Rule("iviti", "ive", M_GT_0),
    new Rule("biliti", "ble", M_GT_0),
  };

  private static final Rule[] STEP3 = {
    new Rule("ical", "ic", M_GT_0),
    new Rule("ness", "", M_GT_0),
    new Rule("icate", "ic", M_GT_0),
    new Rule("iciti", "ic", M_GT_0),
    new Rule("ful", "", M_GT_0),
    new Rule("ative", "", M_GT_0),
    new Rule("alize", "al", M_GT_0),
  };

  private static final Rule[] STEP4 = {
    new Rule("al", "", M_GT_1),
    new Rule("ance", "", M_GT_1),
    new Rule("ence", "", M_GT_1),
    new Rule("er", "", M_GT_1),
    new Rule("ic", "", M_GT_1),
    new Rule("able", "", M_GT_1),
    new Rule("ible", "", M_GT_1),
    new Rule("ant", "", M_GT_1),
    new Rule("ement", "", M_GT_1),
    new Rule("ment", "", M_GT_1),
    new Rule("ent", "", M_GT_1),
    new Rule("ion", "", M_GT_1_S_OR_T),
    new Rule("ou", "", M_GT_1),
    new Rule("ism", "", M_GT_1),
    new Rule("ate", "", M_GT_1),
    new Rule("iti", "", M_GT_1),
    new Rule("ous", "", M_GT_1),
    new Rule("ive", "", M_GT_1),
    new Rule("ize", "", M_GT_1),
  };

  /**
   * Stems the token in {@code w[0..n)} in place ({@code w} has room for {@code n + 1} bytes at
   * least); returns its new length.
   */
  static int stem(byte[] w, int n) {
    if (n < 3 || n > MAX_TOKEN) {
      return n;
    }
    n = step1a(w, n);
    n = step1b(w, n);
    if (w[n - 1] == 'y' && anyVowel(w, n - 1)) {
      w[n - 1] = 'i';
    }
    n = apply(STEP2_BY_CHAR, w, n);
    n = apply(STEP3_BY_CHAR, w, n);
    n = apply(STEP4_BY_CHAR, w, n);
    if (w[n - 1] == 'e'
        && (measureAtLeast(w, n - 1, 2) || (measureIsOne(w, n - 1) && !cvc(w, n - 1)))) {
      n--;
    }
    if (n > 1 && w[n - 1] == 'l' && w[n - 2] == 'l' && measureAtLeast(w, n - 1, 2)) {
      n--;
    }
    return n;
  }

  private static int step1a(byte[] w, int n) {
    if (w[n - 1] != 's') {
      return n;
    }
    if (w[n - 2] == 'e') {
      boolean sses = n > 4 && w[n - 4] == 's' && w[n - 3] == 's';
      boolean ies = n > 3 && w[n - 3] == 'i';
      return sses || ies ? n - 2 : n - 1;
    }
    return w[n - 2] != 's' ? n - 1 : n;
  }

  private static final byte[] EED = bytes("eed");
  private static final byte[] ED = bytes("ed");
  private static final byte[] ING = bytes("ing");
  private static final byte[] AT = bytes("at");
  private static final byte[] BL = bytes("bl");
  private static final byte[] IZ = bytes("iz");

  private static int step1b(byte[] w, int n) {
    int stem;
    if (endsWith(w, n, EED)) {
      return M_GT_0.test(w, n - 3) ? n - 1 : n;
    } else if (endsWith(w, n, ED)) {
      stem = n - 2;
    } else if (endsWith(w, n, ING)) {
      stem = n - 3;
    } else {
      return n;
    }
    if (!anyVowel(w, stem)) {
      return n;
    }
    n = stem;
    if (endsWith(w, n, AT) || endsWith(w, n, BL) || endsWith(w, n, IZ)) {
      w[n++] = 'e';
      return n;
    }
    byte c = w[n - 1];
    if (n > 1 && !isVowel(c, false) && c != 'l' && c != 's' && c != 'z' && c == w[n - 2]) {
      return n - 1;
    }
    if (measureIsOne(w, n) && cvc(w, n)) {
      w[n++] = 'e';
    }
    return n;
  }

  private static final Rule[][] STEP2_BY_CHAR = byPenultimate(STEP2);
  private static final Rule[][] STEP3_BY_CHAR = byPenultimate(STEP3);
  private static final Rule[][] STEP4_BY_CHAR = byPenultimate(STEP4);

  /** The rules grouped by their suffix's last but one letter (the switch of FTS5's code). */
  private static Rule[][] byPenultimate(Rule[] rules) {
    Rule[][] by = new Rule[128][];
    for (int c = 0; c < by.length; c++) {
      int ch = c;
      by[c] =
          java.util.Arrays.stream(rules)
              .filter(r -> r.suffix()[r.suffix().length - 2] == ch)
              .toArray(Rule[]::new);
    }
    return by;
  }

  private static int apply(Rule[][] byChar, byte[] w, int n) {
    if (n < 2 || w[n - 2] < 0) {
      return n;
    }
    for (Rule r : byChar[w[n - 2]]) {
      if (endsWith(w, n, r.suffix())) {
        int stem = n - r.suffix().length;
        if (r.condition().test(w, stem)) {
          System.arraycopy(r.replacement(), 0, w, stem, r.replacement().length);
          return stem + r.replacement().length;
        }
        return n;
      }
    }
    return n;
  }

  /** Whether {@code w[0..n)} ends with {@code s} and is longer than it. */
  private static boolean endsWith(byte[] w, int n, byte[] s) {
    if (n <= s.length) {
      return false;
    }
    for (int i = 0; i < s.length; i++) {
      if (w[n - s.length + i] != s[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVowel(byte c, boolean yIsVowel) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || (yIsVowel && c == 'y');
  }

  /**
   * Where the first vowel-consonant sequence of {@code w[from..n)} ends (the index after its
   * consonant), or -1; {@code prevConsonant} says whether the byte before {@code from} was one.
   */
  private static int vcEnd(byte[] w, int from, int n, boolean prevConsonant) {
    boolean cons = prevConsonant;
    int i = from;
    for (; i < n; i++) {
      cons = !isVowel(w[i], cons);
      if (!cons) {
        break;
      }
    }
    for (i++; i < n; i++) {
      cons = !isVowel(w[i], cons);
      if (cons) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Whether the measure of {@code w[0..n)} is at least {@code m} (1 or 2). */
  private static boolean measureAtLeast(byte[] w, int n, int m) {
    int end = vcEnd(w, 0, n, false);
    if (end < 0) {
      return false;
    }
    return m == 1 || vcEnd(w, end, n, true) >= 0;
  }

  private static boolean measureIsOne(byte[] w, int n) {
    int end = vcEnd(w, 0, n, false);
    return end >= 0 && vcEnd(w, end, n, true) < 0;
  }

  /** Porter's *o: the stem ends consonant-vowel-consonant, the last not w, x or y. */
  private static boolean cvc(byte[] w, int n) {
    byte last = w[n - 1];
    if (last == 'w' || last == 'x' || last == 'y') {
      return false;
    }
    int mask = 0;
    boolean cons = false;
    for (int i = 0; i < n; i++) {
      cons = !isVowel(w[i], cons);
      mask = (mask << 1) | (cons ? 1 : 0);
    }
    return (mask & 7) == 5;
  }

  /** FTS5's step 1b vowel test: a vowel, or a {@code y} anywhere but first. */
  private static boolean anyVowel(byte[] w, int n) {
    for (int i = 0; i < n; i++) {
      if (isVowel(w[i], i > 0)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
