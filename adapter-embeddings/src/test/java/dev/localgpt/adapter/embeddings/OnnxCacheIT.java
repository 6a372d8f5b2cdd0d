package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions from the cache's files give the vectors the jar's model gives (loads the model). */
class OnnxCacheIT {
  private static final EmbeddingModelChoice MODEL = EmbeddingModelChoice.ALL_MINILM_L6_V2_Q;
  private static final long[] IDS = {101, 1045, 2253, 25286, 2006, 1996, 2697, 1012, 102};
  @TempDir Path dir;

  @Test
  void theOptimisedModelIsSavedOnceAndGivesTheSameVectors() throws Exception {
    OnnxCache cache = new OnnxCache(dir, getClass().getClassLoader());
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    float[] reference = firstRow(OnnxSessions.fromJar(env, MODEL, SessionSettings.QUERY));
    Path optimized = cache.optimizedModel(MODEL).orElseThrow();

    float[] fromModelFile = firstRow(OnnxSessions.create(env, MODEL, SessionSettings.QUERY, cache));
    assertThat(optimized).isNotEmptyFile();
    long savedAt = Files.getLastModifiedTime(optimized).toMillis();
    float[] fromOptimized = firstRow(OnnxSessions.create(env, MODEL, SessionSettings.QUERY, cache));

    assertThat(Files.getLastModifiedTime(optimized).toMillis()).isEqualTo(savedAt);
    assertThat(cosine(fromModelFile, reference)).isGreaterThan(0.9999);
    assertThat(cosine(fromOptimized, reference)).isGreaterThan(0.9999);
    assertThat(dir.resolve("models")).isDirectoryNotContaining("glob:**.part");
  }

  @Test
  void aDamagedOptimisedModelIsReplaced() throws Exception {
    OnnxCache cache = new OnnxCache(dir, getClass().getClassLoader());
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Path optimized = cache.optimizedModel(MODEL).orElseThrow();
    Files.createDirectories(optimized.getParent());
    Files.write(optimized, "not an onnx model".getBytes());
    Path model = cache.model(MODEL).orElseThrow();
    byte[] head = Files.readAllBytes(model);
    Files.write(model, java.util.Arrays.copyOf(head, head.length / 2));

    float[] vector = firstRow(OnnxSessions.create(env, MODEL, SessionSettings.QUERY, cache));

    assertThat(cosine(vector, firstRow(OnnxSessions.fromJar(env, MODEL, SessionSettings.QUERY))))
        .isGreaterThan(0.9999);
    assertThat(Files.size(optimized)).isGreaterThan(1_000_000);
    assertThat(Files.size(model)).isEqualTo(head.length);
  }

  private static float[] firstRow(OrtSession session) throws OrtException, IOException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    long[] shape = {1, IDS.length};
    long[] ones = new long[IDS.length];
    java.util.Arrays.fill(ones, 1);
    try (session;
        OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(IDS), shape);
        OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[IDS.length]), shape);
        OrtSession.Result result =
            session.run(
                Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
      float[][][] hidden = (float[][][]) result.get(0).getValue();
      return hidden[0][0];
    }
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
