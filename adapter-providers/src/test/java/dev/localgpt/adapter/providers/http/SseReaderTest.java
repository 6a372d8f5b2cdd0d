package dev.localgpt.adapter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  private static List<SseReader.Event> readAll(BufferedSource source) throws IOException {
    SseReader reader = new SseReader(source);
    List<SseReader.Event> events = new ArrayList<>();
    SseReader.Event event;
    while ((event = reader.next()) != null) {
      events.add(event);
    }
    return events;
  }

  @Test
  void acceptsLfCrlfAndBareCrLineEndings() throws IOException {
    String text = "event: a\ndata: 1\n\nevent: b\r\ndata: 2\r\n\r\nevent: c\rdata: 3\r\r";

    var events = readAll(new Buffer().writeUtf8(text));

    assertThat(events)
        .containsExactly(
            new SseReader.Event("a", "1"),
            new SseReader.Event("b", "2"),
            new SseReader.Event("c", "3"));
  }

  @Test
  void joinsDataLinesSkipsCommentsAndStripsOneSpace() throws IOException {
    String text = ": keep-alive\n\ndata:x\ndata:  y\n: note\n\n";

    assertThat(readAll(new Buffer().writeUtf8(text)))
        .containsExactly(new SseReader.Event("", "x\n y"));
  }

  @Test
  void dropsAnEventThatIsNotEndedByABlankLine() throws IOException {
    assertThat(readAll(new Buffer().writeUtf8("data: 1\n\ndata: {\"cut")))
        .containsExactly(new SseReader.Event("", "1"));
  }

  @Test
  void decodesAMultiByteCharacterSplitAcrossReads() throws IOException {
    assertThat(readAll(oneByteAtATime("data: a—b\n\n")))
        .containsExactly(new SseReader.Event("", "a—b"));
  }

  /**
   * okhttp-sse 5.5.1 spins forever on this input (why the pom does not use it); this reader must
   * not.
   */
  @Test
  void readsCrTerminatedEventsArrivingOneByteAtATime() throws IOException {
    assertThat(readAll(oneByteAtATime("data: a\n\ndata: [DONE]\r\r")))
        .containsExactly(new SseReader.Event("", "a"), new SseReader.Event("", "[DONE]"));
  }

  private static BufferedSource oneByteAtATime(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Source oneByteAtATime =
        new Source() {
          private int position;

          @Override
          public long read(Buffer sink, long byteCount) {
            if (position >= bytes.length) {
              return -1;
            }
            sink.writeByte(bytes[position++]);
            return 1;
          }

          @Override
          public Timeout timeout() {
            return Timeout.NONE;
          }

          @Override
          public void close() {}
        };

    return Okio.buffer(oneByteAtATime);
  }
}
