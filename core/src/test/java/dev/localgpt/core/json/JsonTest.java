package dev.localgpt.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesObjectsArraysAndScalars() {
    Map<String, Object> m = Json.parseObject(
        " {\"s\":\"x\",\"i\":-12,\"d\":1.5e2,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,\"two\",[]],\"o\":{}} ");
    assertThat(m).containsEntry("s", "x").containsEntry("i", -12L).containsEntry("d", 150.0)
        .containsEntry("t", true).containsEntry("f", false).containsEntry("n", null)
        .containsEntry("a", List.of(1L, "two", List.of())).containsEntry("o", Map.of());
  }

  @Test
  void decodesStringEscapes() {
    Object v = Json.parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\"");
    assertThat(v).isEqualTo("a\"b\\c/d\n\té😀");
  }

  @Test
  void roundTripsWhatTheWriterQuotes() {
    String nasty = "line1\nline2 \"quoted\" \\ back \u0001 ctrl";
    assertThat(Json.parse(JsonWriter.quote(nasty))).isEqualTo(nasty);
  }

  @Test
  void rejectsMalformedInputWithPosition() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).isInstanceOf(JsonException.class).hasMessageContaining("offset");
    assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).hasMessageContaining("after the JSON value");
    assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("end of input");
    assertThatThrownBy(() -> Json.parse("[1 2]")).hasMessageContaining("expected ',' or ']'");
    assertThatThrownBy(() -> Json.parse("tru")).hasMessageContaining("expected 'true'");
    assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("expected a JSON object");
  }
}
