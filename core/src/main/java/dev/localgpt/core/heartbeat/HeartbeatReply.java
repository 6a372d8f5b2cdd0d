package dev.localgpt.core.heartbeat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a heartbeat reply the way OpenClaw does: {@code HEARTBEAT_OK} counts only at the start or
 * the end of the reply (markup wrappers such as {@code **...**}, {@code `...`} or HTML tags, and up
 * to four trailing punctuation characters are tolerated); it is stripped, and when at most {@link
 * #ACK_MAX_CHARS} characters remain there is nothing to report. Anything else, including a reply
 * that mentions the token mid-text, is an alert. An empty reply reports nothing.
 */
public final class HeartbeatReply {
  public static final String TOKEN = "HEARTBEAT_OK";
  public static final int ACK_MAX_CHARS = 300;

  private static final String WRAP = "(?:[\\s*_`~]|</?[A-Za-z][A-Za-z0-9]*>)*";
  private static final Pattern AT_START =
      Pattern.compile("\\A" + WRAP + TOKEN + "(?![A-Za-z0-9])" + WRAP + "[^\\w\\s]{0,4}" + WRAP);
  private static final Pattern AT_END =
      Pattern.compile(WRAP + "(?<![A-Za-z0-9])" + TOKEN + WRAP + "[^\\w\\s]{0,4}" + WRAP + "\\z");

  private HeartbeatReply() {}

  /** The alert text of {@code reply}, or empty when the reply means "nothing to report". */
  public static Optional<String> alert(String reply) {
    String text = reply == null ? "" : reply.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String rest = stripToken(text);
    if (rest == null) {
      return Optional.of(text);
    }
    return rest.length() <= ACK_MAX_CHARS ? Optional.empty() : Optional.of(rest);
  }

  /** The reply without its edge token, or null when the token is at neither edge. */
  private static String stripToken(String text) {
    Matcher start = AT_START.matcher(text);
    if (start.lookingAt()) {
      return text.substring(start.end()).strip();
    }
    Matcher end = AT_END.matcher(text);
    if (end.find()) {
      return text.substring(0, end.start()).strip();
    }
    return null;
  }
}
