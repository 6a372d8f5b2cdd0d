package dev.localgpt.cli.commands;

import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The knowledge silos of a workspace: the folders under {@code knowledge/}, which {@code --silo}
 * names.
 */
final class Silos {
  private Silos() {}

  /** The silo names, sorted; empty when there is no {@code knowledge/} folder. */
  static List<String> list(Path workspace) {
    Path knowledge = workspace.resolve("knowledge");
    if (!Files.isDirectory(knowledge)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(knowledge)) {
      return children
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A usage error (exit 2) listing the silos that exist, unless {@code silo} is one of them. */
  static void require(Path workspace, String silo) {
    List<String> silos = list(workspace);
    if (!silos.contains(silo)) {
      throw new CliException(
          "no silo '" + silo + "' in " + workspace.resolve("knowledge"),
          silos.isEmpty()
              ? "create one as a folder: knowledge/<silo>/"
              : "silos: " + String.join(", ", silos),
          ExitCodes.CONFIG);
    }
  }
}
