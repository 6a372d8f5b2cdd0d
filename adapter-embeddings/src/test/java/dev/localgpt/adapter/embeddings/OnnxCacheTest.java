package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxCacheTest {
  private static final EmbeddingModelChoice MODEL = EmbeddingModelChoice.ALL_MINILM_L6_V2_Q;
  @TempDir Path dir;

  private OnnxCache cache() {
    return new OnnxCache(dir, getClass().getClassLoader());
  }

  @Test
  void extractsTheNativeLibrariesOnceAndReusesThem() throws IOException {
    Optional<Path> first = cache().nativeLibraries();
    assertThat(first).isPresent();
    Path library = first.get().resolve(System.mapLibraryName("onnxruntime"));
    assertThat(first.get().resolve(System.mapLibraryName("onnxruntime4j_jni"))).isNotEmptyFile();
    assertThat(first.get()).startsWith(dir.resolve("onnxruntime").resolve(OnnxCache.ortVersion()));
    Object fileKey = Files.readAttributes(library, "unix:ino").get("ino");

    Optional<Path> second = cache().nativeLibraries();

    assertThat(second).isEqualTo(first);
    assertThat(Files.readAttributes(library, "unix:ino").get("ino"))
        .as("the same file, not a new copy")
        .isEqualTo(fileKey);
  }

  @Test
  void replacesAPartialOrAlteredLibrary() throws IOException {
    Path libraries = cache().nativeLibraries().orElseThrow();
    Path library = libraries.resolve(System.mapLibraryName("onnxruntime"));
    long size = Files.size(library);
    FileTime time = Files.getLastModifiedTime(library);
    try (var channel = Files.newByteChannel(library, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(size / 3);
    }

    assertThat(cache().nativeLibraries()).contains(libraries);
    assertThat(Files.size(library)).isEqualTo(size);

    Files.write(library.resolveSibling(System.mapLibraryName("onnxruntime4j_jni")), new byte[] {1});
    Files.setLastModifiedTime(library, FileTime.fromMillis(time.toMillis() + 10_000));
    cache().nativeLibraries();
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(time);
    assertThat(Files.size(library.resolveSibling(System.mapLibraryName("onnxruntime4j_jni"))))
        .isGreaterThan(1);
  }

  @Test
  void copiesTheModelUnderANameThatChangesWithItsContent() throws IOException {
    Path model = cache().model(MODEL).orElseThrow();

    assertThat(model.getParent()).isEqualTo(dir.resolve("models"));
    assertThat(model.getFileName().toString()).startsWith(MODEL.id() + "-").endsWith(".onnx");
    try (var in = OnnxModel.open(MODEL, MODEL.modelResource())) {
      assertThat(Files.size(model)).isEqualTo(in.readAllBytes().length);
    }
    assertThat(cache().optimizedModel(MODEL).orElseThrow().getFileName().toString())
        .startsWith(model.getFileName().toString().replace(".onnx", ".ort-"));
    assertThat(dir.resolve("models")).isDirectoryNotContaining("glob:**.part");
  }

  @Test
  void aCacheThatCannotBeWrittenGivesNothingAndNoError() throws IOException {
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where the cache directory should be");
    OnnxCache cache = new OnnxCache(blocked, getClass().getClassLoader());

    assertThat(cache.nativeLibraries()).isEmpty();
    assertThat(cache.model(MODEL)).isEmpty();
    assertThat(OnnxModel.readTokenizer(MODEL, cache).encode("hello", 10))
        .containsExactly(101, 7592, 102);
  }

  @Test
  void theCacheDirectoryFollowsThePropertyThenXdgThenTheHome() {
    Map<String, String> props = Map.of("user.home", "/home/ann");

    assertThat(OnnxCache.standardDir(Map.of(), props::get))
        .isEqualTo(Path.of("/home/ann/.cache/localgpt"));
    assertThat(OnnxCache.standardDir(Map.of("XDG_CACHE_HOME", "/var/cache/ann"), props::get))
        .isEqualTo(Path.of("/var/cache/ann/localgpt"));
    assertThat(OnnxCache.standardDir(Map.of("XDG_CACHE_HOME", "relative"), props::get))
        .isEqualTo(Path.of("/home/ann/.cache/localgpt"));
    Map<String, String> configured =
        Map.of("user.home", "/home/ann", OnnxCache.DIR_PROPERTY, "/tmp/c");
    assertThat(OnnxCache.standardDir(Map.of("XDG_CACHE_HOME", "/x"), configured::get))
        .isEqualTo(Path.of("/tmp/c"));
  }
}
