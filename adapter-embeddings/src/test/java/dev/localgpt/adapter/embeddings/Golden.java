package dev.localgpt.adapter.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reference token ids and vectors made once with transformers.js (see src/test/golden-gen/). */
record Golden(String text, int[] ids, float[] vector) {

  static List<Golden> load(EmbeddingModelChoice choice) {
    String resource = "golden/" + choice.id() + ".json";
    try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      List<Golden> cases = new ArrayList<>();
      for (JsonNode node : new ObjectMapper().readTree(in).path("cases")) {
        int[] ids = new int[node.path("ids").size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = node.path("ids").get(i).asInt();
        }
        float[] vector = new float[node.path("vector").size()];
        for (int i = 0; i < vector.length; i++) {
          vector[i] = (float) node.path("vector").get(i).asDouble();
        }
        cases.add(new Golden(node.path("text").asText(), ids, vector));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BertTokenizer tokenizer(EmbeddingModelChoice choice) {
    try (InputStream in =
        Golden.class.getClassLoader().getResourceAsStream(choice.tokenizerResource())) {
      return BertTokenizer.fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
