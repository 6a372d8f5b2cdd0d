package dev.localgpt.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
  @TempDir Path dir;

  @Test
  void replaceOnASymlinkWritesThroughToItsTargetAndKeepsTheLink() throws Exception {
    Path target = Files.createDirectories(dir.resolve("dotfiles")).resolve("config.toml");
    Files.writeString(target, "old");
    Path link =
        Files.createSymbolicLink(dir.resolve("config.toml"), Path.of("dotfiles/config.toml"));

    PrivateFiles.replace(link, "new");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("dotfiles/config.toml"));
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactlyInAnyOrder(link, dir.resolve("dotfiles"));
    }
  }

  @Test
  void replaceFollowsAChainOfLinksAndCreatesTheTargetOfADanglingOne() throws Exception {
    Path target = dir.resolve("real.toml");
    Path middle = Files.createSymbolicLink(dir.resolve("middle.toml"), target);
    Path link = Files.createSymbolicLink(dir.resolve("config.toml"), middle);

    PrivateFiles.replace(link, "created");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.isSymbolicLink(middle)).isTrue();
    assertThat(Files.readString(target)).isEqualTo("created");
  }

  @Test
  void ownerOnlyNarrowsAFileReadableByOthers() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    PrivateFiles.ownerOnly(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
