package dev.localgpt.core.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.json.JsonArray;
import dev.localgpt.ports.json.JsonNull;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonArgsTest {

  @Test
  void argsGiveTypedValuesAndNameTheBadArgument() {
    JsonArgs args =
        JsonArgs.of(
            JsonObject.builder()
                .put("path", "a.md")
                .put("n", 3)
                .put("s", "7")
                .put("f", 2.0)
                .put("b", true)
                .put("x", JsonArray.of(JsonValue.of(1)))
                .put("nothing", JsonNull.INSTANCE)
                .build());

    assertThat(args.string("path")).isEqualTo("a.md");
    assertThat(args.optLong("n")).contains(3L);
    assertThat(args.optLong("s")).as("digits in a string, as small models send").contains(7L);
    assertThat(args.optLong("f")).as("a number without fraction").contains(2L);
    assertThat(args.optDouble("n")).contains(3.0);
    assertThat(args.bool("b", false)).isTrue();
    assertThat(args.bool("missing", true)).isTrue();
    assertThat(args.optString("nothing")).as("JSON null reads as absent").isEmpty();
    assertThatThrownBy(() -> args.string("nope"))
        .isInstanceOf(ArgumentException.class)
        .hasMessage("missing required argument 'nope'");
    assertThatThrownBy(() -> args.optLong("x"))
        .hasMessage("argument 'x' must be an integer, got an array");
    assertThatThrownBy(() -> args.string("n"))
        .hasMessage("argument 'n' must be a string, got a number");
    assertThatThrownBy(() -> args.bool("path", false))
        .hasMessage("argument 'path' must be true or false, got a string");
    assertThat(JsonArgs.of(JsonObject.EMPTY).optString("path")).isEmpty();
  }
}
