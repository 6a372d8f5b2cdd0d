package dev.localgpt.adapter.embeddings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.localgpt.ports.embedding.EmbeddingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Creates the onnxruntime session of a model, fastest source first: the optimised model kept in the
 * {@link OnnxCache} (no graph optimisation at load), else the cached model file (optimised now, and
 * the result saved for the next run), else the model inflated from its jar into memory, as without
 * a cache. A damaged cached file is deleted and the next source tried, so a bad cache costs one
 * slower start, never a failed one.
 */
final class OnnxSessions {
  private OnnxSessions() {}

  static OrtSession create(
      OrtEnvironment env, EmbeddingModelChoice choice, SessionSettings settings, OnnxCache cache) {
    Optional<Path> optimized = cache.optimizedModel(choice);
    if (optimized.isPresent() && OnnxCache.present(optimized.get())) {
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        OnnxModel.configure(options, settings);
        options.setOptimizationLevel(OptLevel.NO_OPT);
        return env.createSession(optimized.get().toString(), options);
      } catch (OrtException e) {
        ResourceFiles.deleteQuietly(optimized.get());
      }
    }
    Optional<Path> model = cache.model(choice);
    if (model.isPresent()) {
      Optional<Path> saving = optimized.map(OnnxSessions::partFile);
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        OnnxModel.configure(options, settings);
        if (saving.isPresent()) {
          // the extended level is the highest whose saved graph is not tied to this CPU
          // (onnxruntime warns on stderr when a higher one is saved)
          options.setOptimizationLevel(OptLevel.EXTENDED_OPT);
          options.setOptimizedModelFilePath(saving.get().toString());
        }
        OrtSession session = env.createSession(model.get().toString(), options);
        saving.ifPresent(part -> keep(part, optimized.get()));
        return session;
      } catch (OrtException e) {
        ResourceFiles.deleteQuietly(model.get());
      } finally {
        saving.ifPresent(ResourceFiles::deleteQuietly);
      }
    }
    return fromJar(env, choice, settings);
  }

  /** The session from the model inflated from its jar (no cache). */
  static OrtSession fromJar(
      OrtEnvironment env, EmbeddingModelChoice choice, SessionSettings settings) {
    byte[] bytes;
    try (InputStream in = OnnxModel.open(choice, choice.modelResource())) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new EmbeddingException(
          "cannot read embedding model '" + choice.id() + "': " + e.getMessage(), e);
    }
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      OnnxModel.configure(options, settings);
      return env.createSession(bytes, options);
    } catch (OrtException e) {
      throw new EmbeddingException(
          "onnxruntime cannot load embedding model '" + choice.id() + "': " + e.getMessage(), e);
    }
  }

  private static Path partFile(Path target) {
    return target.resolveSibling(
        target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
  }

  private static void keep(Path part, Path target) {
    if (!OnnxCache.present(part)) {
      return;
    }
    try {
      ResourceFiles.move(part, target);
    } catch (IOException | SecurityException e) {
      // not cached this time: the next start optimises again
    }
  }
}
