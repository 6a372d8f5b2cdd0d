package dev.localgpt.core.memory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decides whether bytes are indexable text: strict UTF-8, no NUL bytes near the start. */
final class TextFiles {
  private static final int BINARY_PROBE = 8192;

  private TextFiles() {}

  /**
   * The decoded text without a BOM, or null when the bytes are binary or not UTF-8 ({@code why[0]}
   * says which).
   */
  static String decode(byte[] bytes, String[] why) {
    for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
      if (bytes[i] == 0) {
        why[0] = "binary content";
        return null;
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      why[0] = "not valid UTF-8";
      return null;
    }
  }
}
