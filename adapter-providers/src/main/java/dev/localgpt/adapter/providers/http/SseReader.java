package dev.localgpt.adapter.providers.http;

import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads server-sent events per the WHATWG rules: lines end in LF, CRLF or CR; lines starting with
 * {@code :} are comments; one optional space after {@code field:} is stripped; several {@code
 * data:} lines join with LF; a blank line ends an event (an unterminated last event is dropped).
 * UTF-8 is decoded per whole line, so a character split across reads is never broken.
 */
public final class SseReader {
  private static final ByteString CR_LF = ByteString.encodeUtf8("\r\n");

  private final BufferedSource source;
  private boolean skipLf;

  public SseReader(BufferedSource source) {
    this.source = source;
  }

  /** One event: its {@code event:} name (empty when none) and its data. */
  public record Event(String name, String data) {}

  /** The next event, or null at the end of the stream. */
  public Event next() throws IOException {
    String name = "";
    StringBuilder data = null;
    while (true) {
      String line = readLine();
      if (line == null) {
        return null; // per the spec, an event not ended by a blank line is discarded at end of
        // stream
      }
      if (line.isEmpty()) {
        if (data != null) {
          return new Event(name, data.toString());
        }
        name = "";
        continue;
      }
      if (line.charAt(0) == ':') {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = "";
      if (colon >= 0) {
        int start = colon + 1;
        if (start < line.length() && line.charAt(start) == ' ') {
          start++;
        }
        value = line.substring(start);
      }
      if (field.equals("data")) {
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      } else if (field.equals("event")) {
        name = value;
      }
    }
  }

  private String readLine() throws IOException {
    if (skipLf) {
      // the previous line ended in CR; a LF right after it belongs to that line ending (checked
      // lazily, so a
      // CR-terminated event is delivered without waiting for the next byte)
      skipLf = false;
      if (source.request(1) && source.getBuffer().getByte(0) == '\n') {
        source.skip(1);
      }
    }
    long end = source.indexOfElement(CR_LF);
    if (end < 0) {
      return source.exhausted() ? null : source.readUtf8();
    }
    String line = source.readUtf8(end);
    byte terminator = source.readByte();
    if (terminator == '\r') {
      if (source.getBuffer().size() > 0) {
        if (source.getBuffer().getByte(0) == '\n') {
          source.skip(1);
        }
      } else {
        skipLf = true;
      }
    }
    return line;
  }
}
