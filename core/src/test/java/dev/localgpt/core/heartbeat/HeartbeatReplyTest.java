package dev.localgpt.core.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeartbeatReplyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HEARTBEAT_OK",
        "  HEARTBEAT_OK\n",
        "**HEARTBEAT_OK**",
        "`HEARTBEAT_OK`",
        "HEARTBEAT_OK.",
        "HEARTBEAT_OK!!",
        "<b>HEARTBEAT_OK</b>",
        "_HEARTBEAT_OK_",
        "HEARTBEAT_OK — all tasks are done.",
        "Checked the calendar, nothing new. HEARTBEAT_OK",
        "Nothing to do.\n\n**HEARTBEAT_OK**",
        ""
      })
  void theTokenAtAnEdgeWithLittleTextMeansNothingToReport(String reply) {
    assertThat(HeartbeatReply.alert(reply)).isEmpty();
  }

  @Test
  void aReplyWithoutTheTokenIsAnAlert() {
    assertThat(HeartbeatReply.alert(" Your flight leaves at 7:05, check in now. "))
        .contains("Your flight leaves at 7:05, check in now.");
  }

  @Test
  void theTokenMidTextDoesNotCount() {
    String reply = "I would say HEARTBEAT_OK but the backup failed.";
    assertThat(HeartbeatReply.alert(reply)).contains(reply);
  }

  @Test
  void moreThan300CharactersBesideTheTokenAreAnAlertWithoutTheToken() {
    String longText = "x".repeat(301);
    assertThat(HeartbeatReply.alert("HEARTBEAT_OK " + longText)).contains(longText);
    assertThat(HeartbeatReply.alert(longText + " **HEARTBEAT_OK**")).contains(longText);
    assertThat(HeartbeatReply.alert("HEARTBEAT_OK " + "x".repeat(300))).isEmpty();
  }

  @Test
  void aLongerWordIsNotTheToken() {
    assertThat(HeartbeatReply.alert("HEARTBEAT_OKAY")).contains("HEARTBEAT_OKAY");
  }
}
