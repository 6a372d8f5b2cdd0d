package dev.localgpt.core.agent.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the {@code bash} tool runs a command: the argument list and the environment, built here as
 * plain values (the process itself is started by {@link BashTool}).
 *
 * <p>The environment is an allow-list: {@code PATH}, {@code HOME} (the workspace), {@code LANG} and
 * {@code TERM}; no other variable (API keys, passwords, tokens) reaches the shell. Where Bubblewrap
 * ({@code bwrap}) is installed the command runs inside it: the workspace read-write, the system
 * folders read-only, {@code /tmp} empty, the LocalGPT home and the user's home invisible (only the
 * workspace is bound), and no network unless {@code network}.
 *
 * @param bwrap the bwrap program, or empty to run {@code bash -c} unconfined
 * @param network whether the confined command may use the network ({@code tools.bash_network})
 * @param hidden folders that must not be visible (the LocalGPT home, the user's home)
 */
public record BashSandbox(Optional<Path> bwrap, boolean network, List<Path> hidden) {
  /** The folders bound read-only; missing ones are skipped by bwrap. */
  static final List<String> SYSTEM_DIRS =
      List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt");

  /**
   * Files under /etc replaced by /dev/null inside the sandbox (those that exist; bwrap cannot
   * create them).
   */
  static final List<String> ETC_SECRETS = List.of("/etc/shadow", "/etc/gshadow", "/etc/sudoers");

  static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  public static final BashSandbox NONE = new BashSandbox(Optional.empty(), false, List.of());

  public BashSandbox {
    Objects.requireNonNull(bwrap, "'bwrap' must not be null");
    hidden = List.copyOf(hidden);
  }

  /** Bubblewrap from {@code PATH} (or /usr/bin/bwrap) if it is there. */
  public static Optional<Path> findBwrap(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "") + ":/usr/bin:/bin";
    for (String dir : path.split(":")) {
      if (!dir.isBlank()) {
        Path candidate = Path.of(dir, "bwrap");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  public boolean sandboxed() {
    return bwrap.isPresent();
  }

  /** Said once (at chat, ask or daemon start) when bash is enabled but runs unconfined. */
  public static final String UNCONFINED_NOTICE =
      "bash is enabled but bwrap (Bubblewrap) is not installed: commands "
          + "run unsandboxed, with only the environment filtered (install it: apt-get install bubblewrap)";

  /**
   * {@link #UNCONFINED_NOTICE} when {@code bashEnabled} and this sandbox has no bwrap, else empty.
   */
  public Optional<String> notice(boolean bashEnabled) {
    return bashEnabled && bwrap.isEmpty() ? Optional.of(UNCONFINED_NOTICE) : Optional.empty();
  }

  /** One line for {@code /status} and the audit. */
  public String describe() {
    return bwrap.isPresent()
        ? "sandboxed (bubblewrap: workspace only, "
            + (network ? "network allowed" : "no network")
            + ")"
        : "not sandboxed (bubblewrap not found; environment filtered only)";
  }

  /** The argument list that runs {@code command} in {@code workspace}. */
  public List<String> argv(String command, Path workspace) {
    if (bwrap.isEmpty()) {
      return List.of("bash", "-c", command);
    }
    String ws = workspace.toAbsolutePath().normalize().toString();
    List<String> args =
        new ArrayList<>(
            List.of(bwrap.get().toString(), "--die-with-parent", "--new-session", "--unshare-all"));
    if (network) {
      args.add("--share-net");
    }
    for (String dir : SYSTEM_DIRS) {
      args.addAll(List.of("--ro-bind-try", dir, dir));
    }
    for (String secret :
        ETC_SECRETS.stream().filter(f -> Files.isRegularFile(Path.of(f))).toList()) {
      args.addAll(List.of("--ro-bind-try", "/dev/null", secret));
    }
    args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    for (Path h : hidden) {
      String dir = h.toAbsolutePath().normalize().toString();
      if (SYSTEM_DIRS.stream().anyMatch(s -> dir.equals(s) || dir.startsWith(s + "/"))) {
        args.addAll(List.of("--tmpfs", dir));
      }
    }
    args.addAll(List.of("--bind", ws, ws, "--chdir", ws, "bash", "-c", command));
    return List.copyOf(args);
  }

  /** The allow-listed environment: PATH, HOME (the workspace), LANG and TERM. */
  public static Map<String, String> environment(Map<String, String> parent, Path workspace) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", PATH);
    env.put("HOME", workspace.toAbsolutePath().normalize().toString());
    env.put("LANG", parent.getOrDefault("LANG", "C.UTF-8"));
    env.put("TERM", parent.getOrDefault("TERM", "dumb"));
    return env;
  }
}
