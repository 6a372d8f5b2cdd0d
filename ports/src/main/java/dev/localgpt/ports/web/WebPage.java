package dev.localgpt.ports.web;

import java.util.Objects;

/**
 * A fetched page.
 *
 * @param url the final URL after redirects
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} header, empty if none
 * @param title the HTML title, empty if none
 * @param text the readable text (HTML reduced to text; other text types as they are)
 * @param bytesRead how many body bytes were read
 * @param truncated whether the body was cut at the size cap
 */
public record WebPage(
    String url,
    int status,
    String contentType,
    String title,
    String text,
    long bytesRead,
    boolean truncated) {
  public WebPage {
    Objects.requireNonNull(url, "'url' must not be null");
    contentType = contentType == null ? "" : contentType;
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    if (bytesRead < 0) {
      throw new IllegalArgumentException("'bytesRead' must be >= 0, was " + bytesRead);
    }
  }
}
