package dev.localgpt.app.config;

import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Decodes a config file strictly as UTF-8, naming the line and byte offset of the first byte that
 * is not.
 */
final class ConfigText {
  private ConfigText() {}

  /**
   * The text of {@code bytes}.
   *
   * @throws ConfigException when the bytes are not UTF-8
   */
  static String decode(String fileName, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new ConfigException(
          new ConfigProblem(
              fileName,
              line,
              "",
              "is not UTF-8: byte 0x"
                  + HexFormat.of().toHexDigits(bytes[offset])
                  + " at byte offset "
                  + offset
                  + " cannot start a character",
              "save the file as UTF-8, e.g. with iconv -f latin1 -t utf-8"));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
