package dev.localgpt.adapter.embeddings;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a fresh process would otherwise unpack from the jars on every model load, kept in a cache
 * directory ({@code $XDG_CACHE_HOME/localgpt}, else {@code ~/.cache/localgpt}; the system property
 * {@value #DIR_PROPERTY} moves it):
 *
 * <ul>
 *   <li>{@code onnxruntime/<version>/<platform>/}: onnxruntime's native libraries (~28 MB), which
 *       its loader otherwise copies to a new temporary directory on every start;
 *   <li>{@code models/<model>-<crc>.onnx}: the model, read by onnxruntime from the file instead of
 *       being inflated from its jar into the heap;
 *   <li>{@code models/<model>-<crc>.ort-<version>.opt.onnx}: the model as onnxruntime optimised it,
 *       so later sessions skip the graph optimisation;
 *   <li>{@code models/<model>-<crc>.wordpiece}: the tokenizer in a form read ~10× faster than its
 *       tokenizer.json ({@link CompactTokenizer}).
 * </ul>
 *
 * <p>Nothing here is required: whatever cannot be cached is read from the jars as before.
 */
final class OnnxCache {
  /** System property naming the cache directory (for tests and unusual setups). */
  static final String DIR_PROPERTY = "localgpt.cache.dir";

  /** onnxruntime's own property: the directory its loader takes the native libraries from. */
  static final String NATIVE_PATH = "onnxruntime.native.path";

  private static final String[] LIBRARIES = {"onnxruntime", "onnxruntime4j_jni"};
  private final Path dir;
  private final ResourceFiles resources;

  OnnxCache(Path dir, ClassLoader loader) {
    this.dir = dir;
    this.resources = new ResourceFiles(loader);
  }

  /** The cache in the user's cache directory. */
  static OnnxCache standard() {
    return new OnnxCache(
        standardDir(System.getenv(), System.getProperties()::getProperty),
        OnnxCache.class.getClassLoader());
  }

  /** The directory {@link #standard()} uses, from the environment and the system properties. */
  static Path standardDir(Map<String, String> env, Function<String, String> properties) {
    String configured = properties.apply(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "localgpt");
    }
    return Path.of(properties.apply("user.home"), ".cache", "localgpt");
  }

  Path dir() {
    return dir;
  }

  /**
   * onnxruntime's native libraries for this platform, copied into the cache when missing or
   * altered; the directory holding them, or empty when they cannot be cached.
   */
  Optional<Path> nativeLibraries() {
    Optional<String> platform = platform();
    if (platform.isEmpty()) {
      return Optional.empty();
    }
    Path target = dir.resolve("onnxruntime").resolve(ortVersion()).resolve(platform.get());
    for (String library : LIBRARIES) {
      String file = System.mapLibraryName(library).replace("jnilib", "dylib");
      String resource = "ai/onnxruntime/native/" + platform.get() + "/" + file;
      Optional<Path> copy =
          resources.source(resource).flatMap(s -> resources.copy(s, target.resolve(file)));
      if (copy.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(target);
  }

  /**
   * Points onnxruntime's loader at the cached native libraries, unless the user set {@value
   * #NATIVE_PATH} or they cannot be cached. Must run before onnxruntime's first use in the process
   * to have an effect; later calls change nothing.
   */
  static synchronized void useNativeLibraries(OnnxCache cache) {
    if (System.getProperty(NATIVE_PATH) != null) {
      return;
    }
    cache.nativeLibraries().ifPresent(d -> System.setProperty(NATIVE_PATH, d.toString()));
  }

  /** The model file of {@code choice} in the cache, copied from its jar when needed. */
  Optional<Path> model(EmbeddingModelChoice choice) {
    return resources
        .source(choice.modelResource())
        .flatMap(
            s -> resources.copy(s, dir.resolve("models").resolve(baseName(choice, s) + ".onnx")));
  }

  /**
   * Where the compact form of {@code choice}'s tokenizer ({@link CompactTokenizer}) is kept; empty
   * when the tokenizer's content cannot be identified.
   */
  Optional<Path> tokenizer(EmbeddingModelChoice choice) {
    return resources
        .source(choice.tokenizerResource())
        .map(s -> dir.resolve("models").resolve(choice.id() + "-" + s.key() + ".wordpiece"));
  }

  /**
   * Where the optimised model of {@code choice} is kept for this onnxruntime version (it may not
   * exist yet); empty when the model's content cannot be identified.
   */
  Optional<Path> optimizedModel(EmbeddingModelChoice choice) {
    return resources
        .source(choice.modelResource())
        .map(
            s ->
                dir.resolve("models")
                    .resolve(baseName(choice, s) + ".ort-" + ortVersion() + ".opt.onnx"));
  }

  /** Whether {@code file} exists and is not empty. */
  static boolean present(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static String baseName(EmbeddingModelChoice choice, ResourceFiles.Source source) {
    return choice.id() + "-" + source.key();
  }

  /** onnxruntime's version from its jar's manifest (the class is not initialised). */
  static String ortVersion() {
    String version = OrtEnvironment.class.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? "unversioned" : version;
  }

  /** onnxruntime's name for this platform's resource folder, or empty if unknown here. */
  static Optional<String> platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osName;
    if (os.contains("mac") || os.contains("darwin")) {
      osName = "osx";
    } else if (os.contains("win")) {
      osName = "win";
    } else if (os.contains("nux")) {
      osName = "linux";
    } else {
      return Optional.empty();
    }
    if (arch.startsWith("amd64") || arch.startsWith("x86_64")) {
      return Optional.of(osName + "-x64");
    }
    if (arch.startsWith("aarch64")) {
      return Optional.of(osName + "-aarch64");
    }
    return Optional.empty();
  }
}
