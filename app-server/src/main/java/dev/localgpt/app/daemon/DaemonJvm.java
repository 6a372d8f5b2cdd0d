package dev.localgpt.app.daemon;

import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The daemon's JVM settings, shared by the CLI's background launcher and {@code bench server}'s
 * server process, so the benchmark measures the JVM users run: a heap that starts at 16 MB and
 * grows on demand (its live set is ~10 MB; the default initial heap of 1/64 of RAM let eden alone
 * take ~100 MB of RSS), glibc's freed native memory (onnxruntime's tensors after an indexing burst)
 * trimmed back to the OS every second (~1–3 ms of a background thread; so what {@link IdleHeapTrim}
 * frees is given back soon after the daemon goes quiet), and at most two glibc malloc arenas (one
 * per thread otherwise, each holding on to freed memory). Measured in docs/benchmarks.md, "CLI and
 * daemon".
 */
public final class DaemonJvm {
  /** The module that lets the memory index's k-NN scan use SIMD (see adapter-sqlite's Int8Dot). */
  static final String VECTOR_MODULE = "jdk.incubator.vector";

  /**
   * JVM options, each applied unless the user gave the same option; {@code --add-modules} of the
   * Vector API when this Java has it (the JVM then prints one "incubator modules" warning to the
   * daemon's log).
   */
  public static final List<String> OPTIONS = options();

  /** Environment variable and value that cap glibc's malloc arenas. */
  public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

  private DaemonJvm() {}

  private static List<String> options() {
    List<String> options =
        new ArrayList<>(List.of("-Xms16m", "-Xmx512m", "-XX:TrimNativeHeapInterval=1000"));
    if (ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent()) {
      options.add("--add-modules=" + VECTOR_MODULE);
    }
    return List.copyOf(options);
  }

  /** {@code given} followed by every one of {@link #OPTIONS} whose setting {@code given} lacks. */
  public static List<String> withDefaults(List<String> given) {
    List<String> options = new ArrayList<>(given);
    for (String option : OPTIONS) {
      String name =
          option.contains("=")
              ? option.substring(0, option.indexOf('=') + 1)
              : option.substring(0, 4);
      if (given.stream().noneMatch(o -> o.startsWith(name))) {
        options.add(option);
      }
    }
    return options;
  }
}
