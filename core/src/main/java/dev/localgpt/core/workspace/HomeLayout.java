package dev.localgpt.core.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the directories of a {@link LocalGptHome} (mode 0700): the home itself, data, sessions
 * and logs.
 */
public final class HomeLayout {
  private HomeLayout() {}

  /** Creates what is missing; returns the created directories. */
  public static List<Path> create(LocalGptHome home) {
    List<Path> created = new ArrayList<>(PrivateFiles.createDirectories(home.root()));
    for (Path dir : home.stateDirs()) {
      created.addAll(PrivateFiles.createDirectories(dir));
    }
    return created;
  }
}
