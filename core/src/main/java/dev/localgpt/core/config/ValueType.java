package dev.localgpt.core.config;

/** The kinds of value a config key holds, with how to describe the expected form to a user. */
public enum ValueType {
  STRING("a string in quotes, e.g. \"text\""),
  INTEGER("a whole number, e.g. 42"),
  FLOAT("a number, e.g. 0.7"),
  BOOLEAN("true or false"),
  DURATION("a duration string like \"30m\", \"2h30m\", \"90s\" or \"1d\""),
  TIME("a time string \"HH:MM\""),
  STRING_LIST("a list of strings, e.g. [\"a\", \"b\"]"),
  TABLE_LIST("a list of tables, e.g. [{path = \"knowledge\", pattern = \"**/*.md\"}]");

  private final String expected;

  ValueType(String expected) {
    this.expected = expected;
  }

  /** How a valid value looks, for messages: "expected &lt;this&gt;". */
  public String expected() {
    return expected;
  }
}
