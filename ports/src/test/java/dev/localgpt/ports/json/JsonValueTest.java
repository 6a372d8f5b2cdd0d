package dev.localgpt.ports.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValueTest {

  @Test
  void valuesCompareByValueAndObjectsIgnoreFieldOrder() {
    JsonObject ab = JsonObject.builder().put("a", 1).put("b", "x").build();
    JsonObject ba = JsonObject.builder().put("b", "x").put("a", 1.0).build();

    assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
    assertThat(new JsonNumber(new BigDecimal("1.50"))).isEqualTo(JsonValue.of(1.5));
    assertThat(JsonValue.ofStrings(List.of("a"))).isEqualTo(JsonArray.of(JsonValue.of("a")));
    assertThat(new JsonNull()).isEqualTo(JsonNull.INSTANCE);
  }

  @Test
  void toStringIsCompactJsonInInsertionOrderWithEscapes() {
    JsonObject value =
        JsonObject.builder()
            .put("text", "say \"hi\"\n\t\\ \u0001 ü")
            .put("n", 42)
            .put("x", 0.25)
            .put("big", new JsonNumber(new BigDecimal("1e30")))
            .put("ok", false)
            .put("none", JsonNull.INSTANCE)
            .put("list", JsonArray.of(JsonValue.of(1), JsonObject.EMPTY, JsonArray.EMPTY))
            .build();

    assertThat(value.toString())
        .isEqualTo(
            "{\"text\":\"say \\\"hi\\\"\\n\\t\\\\ \\u0001 ü\",\"n\":42,\"x\":0.25,"
                + "\"big\":1E+30,\"ok\":false,\"none\":null,\"list\":[1,{},[]]}");
  }

  @Test
  void typedAccessorsAreEmptyForAbsentOrNullAndNameTheFieldOfAWrongKind() {
    JsonObject o =
        JsonObject.builder()
            .put("s", "v")
            .put("n", JsonNull.INSTANCE)
            .put("o", JsonObject.EMPTY)
            .build();

    assertThat(o.string("s")).contains("v");
    assertThat(o.string("n")).isEmpty();
    assertThat(o.string("missing")).isEmpty();
    assertThat(o.object("o")).contains(JsonObject.EMPTY);
    assertThatThrownBy(() -> o.number("s"))
        .isInstanceOf(JsonTypeException.class)
        .hasMessage("'s' must be a number, got a string");
    assertThatThrownBy(() -> o.array("o")).hasMessage("'o' must be an array, got an object");
  }

  @Test
  void numbersKnowWhetherTheyAreWholeLongs() {
    assertThat(JsonValue.of(3).isLong()).isTrue();
    assertThat(JsonValue.of(3.0).isLong()).isTrue();
    assertThat(JsonValue.of(3.5).isLong()).isFalse();
    assertThat(new JsonNumber(new BigDecimal("1e30")).isLong()).isFalse();
    assertThatThrownBy(() -> JsonValue.of(Double.NaN)).hasMessageContaining("finite");
  }

  @Test
  void arraysGiveTheirScalarsAsStrings() {
    JsonArray items =
        JsonArray.of(JsonValue.of("git"), JsonValue.of(2), JsonNull.INSTANCE, JsonValue.of(true));

    assertThat(items.strings("bins")).containsExactly("git", "2", "true");
    assertThatThrownBy(() -> JsonArray.of(JsonObject.EMPTY).strings("bins"))
        .hasMessage("'bins' must hold strings, got an object");
  }
}
