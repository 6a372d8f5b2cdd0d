package dev.localgpt.adapter.mcp;

import java.time.Duration;
import java.util.List;

/** Settings that start {@link TestMcpServer} in a child JVM with the test class path. */
public final class TestServers {
  private TestServers() {}

  public static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * The arguments of {@code java} that run {@link TestMcpServer} with {@code mode} (and its extra
   * arguments).
   */
  public static List<String> args(String... modeAndArgs) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                TestMcpServer.class.getName()));
    args.addAll(List.of(modeAndArgs));
    return args;
  }

  public static McpServerSettings stdio(String name, Duration timeout, String... modeAndArgs) {
    return McpServerSettings.stdio(name, java(), args(modeAndArgs), timeout);
  }
}
