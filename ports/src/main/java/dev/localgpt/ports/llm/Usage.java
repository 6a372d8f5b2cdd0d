package dev.localgpt.ports.llm;

/** Token counts reported by the provider (0 when it reports none). */
public record Usage(int inputTokens, int outputTokens) {
  public static final Usage NONE = new Usage(0, 0);

  public Usage plus(Usage other) {
    return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
  }
}
