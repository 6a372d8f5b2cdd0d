package dev.localgpt.core.config;

import java.util.List;

/**
 * {@code [tools]}.
 *
 * @param bashTimeoutMs default 30000
 * @param webFetchMaxBytes default 10000
 * @param toolOutputMaxChars default 50000
 * @param requireApproval tool names that ask before running (default none)
 * @param bashEnabled whether the shell tool is offered at all (default false)
 * @param webFetchAllowedDomains hosts web_fetch may reach; empty = web_fetch is off
 * @param bashNetwork whether the sandboxed shell may use the network (default false)
 * @param allowAfterUntrusted tools that may write, run or reach the network without approval after
 *     the turn took in untrusted content (default none; {@code "*"} = all)
 */
public record ToolsConfig(
    long bashTimeoutMs,
    long webFetchMaxBytes,
    int toolOutputMaxChars,
    List<String> requireApproval,
    boolean bashEnabled,
    List<String> webFetchAllowedDomains,
    boolean bashNetwork,
    List<String> allowAfterUntrusted) {
  public static final ToolsConfig DEFAULTS =
      new ToolsConfig(30_000, 10_000, 50_000, List.of(), false, List.of(), false, List.of());

  public ToolsConfig {
    ConfigChecks.positive("tools.bash_timeout_ms", bashTimeoutMs);
    ConfigChecks.positive("tools.web_fetch_max_bytes", webFetchMaxBytes);
    ConfigChecks.positive("tools.tool_output_max_chars", toolOutputMaxChars);
    requireApproval = List.copyOf(requireApproval);
    webFetchAllowedDomains = List.copyOf(webFetchAllowedDomains);
    allowAfterUntrusted = List.copyOf(allowAfterUntrusted);
  }

  /** Without {@code allow_after_untrusted}. */
  public ToolsConfig(
      long bashTimeoutMs,
      long webFetchMaxBytes,
      int toolOutputMaxChars,
      List<String> requireApproval,
      boolean bashEnabled,
      List<String> webFetchAllowedDomains,
      boolean bashNetwork) {
    this(
        bashTimeoutMs,
        webFetchMaxBytes,
        toolOutputMaxChars,
        requireApproval,
        bashEnabled,
        webFetchAllowedDomains,
        bashNetwork,
        List.of());
  }
}
