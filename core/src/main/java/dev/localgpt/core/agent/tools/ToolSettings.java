package dev.localgpt.core.agent.tools;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tool settings (the lead maps {@code [tools]} of config.toml onto this).
 *
 * @param bashEnabled whether the {@code bash} tool is offered at all
 * @param bashTimeout default timeout of a command
 * @param bashDenyList extra case-insensitive substrings that refuse a command (on top of the
 *     built-in list)
 * @param outputMaxChars cap on one tool result, &gt; 0
 * @param webFetchMaxChars cap on the text of a fetched page, &gt; 0
 * @param allowedDomains if not empty, {@code web_fetch} only fetches these hosts and their
 *     subdomains
 * @param requireApproval tool names that need the {@link ApprovalGate}; {@code *} and {@code ?} are
 *     wildcards, so {@code mcp_*} covers every MCP tool
 * @param bashSandbox how {@code bash} confines its commands (allow-listed environment, Bubblewrap
 *     when present)
 * @param allowAfterUntrusted tools that may write, run or reach the network without approval even
 *     after the turn took in untrusted content ({@code tools.allow_after_untrusted}; {@code "*"} =
 *     all), see {@link ToolGate}
 */
public record ToolSettings(
    boolean bashEnabled,
    Duration bashTimeout,
    List<String> bashDenyList,
    int outputMaxChars,
    int webFetchMaxChars,
    List<String> allowedDomains,
    Set<String> requireApproval,
    BashSandbox bashSandbox,
    Set<String> allowAfterUntrusted) {

  public static final ToolSettings DEFAULTS =
      new ToolSettings(
          false,
          Duration.ofSeconds(30),
          List.of(),
          50_000,
          10_000,
          List.of(),
          Set.of(),
          BashSandbox.NONE,
          Set.of());

  public ToolSettings {
    Objects.requireNonNull(bashTimeout, "'bashTimeout' must not be null");
    if (bashTimeout.isNegative() || bashTimeout.isZero()) {
      throw new IllegalArgumentException("'bashTimeout' must be > 0, was " + bashTimeout);
    }
    bashDenyList = List.copyOf(bashDenyList);
    allowedDomains =
        allowedDomains.stream().map(d -> d.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    requireApproval = Set.copyOf(requireApproval);
    Objects.requireNonNull(bashSandbox, "'bashSandbox' must not be null");
    allowAfterUntrusted = Set.copyOf(allowAfterUntrusted);
    if (outputMaxChars <= 0) {
      throw new IllegalArgumentException("'outputMaxChars' must be > 0, was " + outputMaxChars);
    }
    if (webFetchMaxChars <= 0) {
      throw new IllegalArgumentException("'webFetchMaxChars' must be > 0, was " + webFetchMaxChars);
    }
  }

  /** Settings whose shell is not sandboxed (environment allow-list only). */
  public ToolSettings(
      boolean bashEnabled,
      Duration bashTimeout,
      List<String> bashDenyList,
      int outputMaxChars,
      int webFetchMaxChars,
      List<String> allowedDomains,
      Set<String> requireApproval) {
    this(
        bashEnabled,
        bashTimeout,
        bashDenyList,
        outputMaxChars,
        webFetchMaxChars,
        allowedDomains,
        requireApproval,
        BashSandbox.NONE,
        Set.of());
  }

  /** Whether {@code tool} matches a {@link #requireApproval()} name or glob pattern. */
  public boolean needsApproval(String tool) {
    return matchesAny(requireApproval, tool);
  }

  /**
   * Whether {@code tool} equals one of {@code patterns} or matches one as a glob ({@code *}, {@code
   * ?}).
   */
  public static boolean matchesAny(Set<String> patterns, String tool) {
    for (String pattern : patterns) {
      if (pattern.equals(tool)
          || ((pattern.contains("*") || pattern.contains("?"))
              && glob(pattern).matcher(tool).matches())) {
        return true;
      }
    }
    return false;
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(
          switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(String.valueOf(c));
          });
    }
    return Pattern.compile(regex.toString());
  }

  public ToolSettings withBashSandbox(BashSandbox sandbox) {
    return new ToolSettings(
        bashEnabled,
        bashTimeout,
        bashDenyList,
        outputMaxChars,
        webFetchMaxChars,
        allowedDomains,
        requireApproval,
        sandbox,
        allowAfterUntrusted);
  }

  public ToolSettings withBashEnabled(boolean enabled) {
    return new ToolSettings(
        enabled,
        bashTimeout,
        bashDenyList,
        outputMaxChars,
        webFetchMaxChars,
        allowedDomains,
        requireApproval,
        bashSandbox,
        allowAfterUntrusted);
  }

  public ToolSettings withBashTimeout(Duration timeout) {
    return new ToolSettings(
        bashEnabled,
        timeout,
        bashDenyList,
        outputMaxChars,
        webFetchMaxChars,
        allowedDomains,
        requireApproval,
        bashSandbox,
        allowAfterUntrusted);
  }

  public ToolSettings withRequireApproval(Set<String> names) {
    return new ToolSettings(
        bashEnabled,
        bashTimeout,
        bashDenyList,
        outputMaxChars,
        webFetchMaxChars,
        allowedDomains,
        names,
        bashSandbox,
        allowAfterUntrusted);
  }

  public ToolSettings withAllowedDomains(List<String> domains) {
    return new ToolSettings(
        bashEnabled,
        bashTimeout,
        bashDenyList,
        outputMaxChars,
        webFetchMaxChars,
        domains,
        requireApproval,
        bashSandbox,
        allowAfterUntrusted);
  }

  public ToolSettings withOutputMaxChars(int max) {
    return new ToolSettings(
        bashEnabled,
        bashTimeout,
        bashDenyList,
        max,
        webFetchMaxChars,
        allowedDomains,
        requireApproval,
        bashSandbox,
        allowAfterUntrusted);
  }

  public ToolSettings withAllowAfterUntrusted(Set<String> names) {
    return new ToolSettings(
        bashEnabled,
        bashTimeout,
        bashDenyList,
        outputMaxChars,
        webFetchMaxChars,
        allowedDomains,
        requireApproval,
        bashSandbox,
        names);
  }
}
