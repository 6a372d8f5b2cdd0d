// What embedding one search query costs per local model (task `quality`: the cost of a model option), through
// Embedder.embedQuery as a search does (bge with its query instruction). The models are loaded once and measured
// in interleaved rounds (the shared box's speed drifts), each round every query of the file once, one at a time.
// Prints per model and round the p50 / p90 wall time and the process CPU per query (onnxruntime's own threads too).
//
// Run: java --enable-native-access=ALL-UNNAMED -cp 'JARS/*' docs/bench/QueryEmbedBench.java \
//        queries.jsonl [ROUNDS, default 3] [MODEL_IDS, default all]
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.adapter.embeddings.OnnxEmbedders;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

public class QueryEmbedBench {
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (!line.isBlank()) {
        queries.add(json.readTree(line).path("text").asText());
      }
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<EmbeddingModelChoice> models = args.length > 2
        ? Arrays.stream(args[2].split(",")).map(EmbeddingModelChoice::fromId).toList()
        : List.of(EmbeddingModelChoice.values());
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<OnnxEmbedder> embedders = new ArrayList<>();
    for (EmbeddingModelChoice m : models) {
      OnnxEmbedder e = OnnxEmbedders.create(m);
      for (int i = 0; i < 30; i++) {
        e.embedQuery("warm-up query number " + i);
      }
      embedders.add(e);
    }
    System.out.printf(Locale.ROOT, "%d queries, %d rounds, load %s%n", queries.size(), rounds,
        Files.readString(Path.of("/proc/loadavg")).trim());
    for (int r = 1; r <= rounds; r++) {
      for (OnnxEmbedder e : embedders) {
        long[] wall = new long[queries.size()];
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < queries.size(); i++) {
          long t = System.nanoTime();
          e.embedQuery(queries.get(i));
          wall[i] = System.nanoTime() - t;
        }
        double cpuPer = (os.getProcessCpuTime() - cpu0) / 1e6 / queries.size();
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "round %d %-22s p50 %6.2f ms  p90 %6.2f ms  process CPU %6.2f ms/query%n", r,
            e.modelId(), wall[wall.length / 2] / 1e6, wall[wall.length * 9 / 10] / 1e6, cpuPer);
      }
    }
    for (OnnxEmbedder e : embedders) {
      e.close();
    }
  }
}
