package dev.localgpt.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The background daemon's JVM: the full JIT, a small growing heap and native-memory trimming,
 * unless overridden.
 */
class DaemonJvmOptionsTest {
  @Test
  void theDaemonDropsTheShortCommandSettingsAndGetsItsOwn() {
    List<String> options =
        DaemonLauncher.jvmOptions(
            List.of(
                "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:AOTCacheOutput=x.aot",
                "-XX:AOTCache=y.aot"));

    assertThat(options)
        .containsExactly(
            "--enable-native-access=ALL-UNNAMED",
            "-XX:+UseSerialGC",
            "-XX:AOTCache=y.aot",
            "-Xms16m",
            "-Xmx512m",
            "-XX:TrimNativeHeapInterval=1000",
            "--add-modules=jdk.incubator.vector");
  }

  @Test
  void optionsTheUserGaveWin() {
    List<String> options =
        DaemonLauncher.jvmOptions(List.of("-Xmx2g", "-XX:TrimNativeHeapInterval=0"));

    assertThat(options)
        .containsExactly(
            "-Xmx2g",
            "-XX:TrimNativeHeapInterval=0",
            "-Xms16m",
            "--add-modules=jdk.incubator.vector");
  }
}
