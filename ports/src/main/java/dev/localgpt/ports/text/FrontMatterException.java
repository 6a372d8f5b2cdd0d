package dev.localgpt.ports.text;

/**
 * Front matter that cannot be read; the message is one line naming the line of the file and the
 * fix.
 */
public class FrontMatterException extends IllegalArgumentException {
  public FrontMatterException(String message) {
    super(message);
  }
}
