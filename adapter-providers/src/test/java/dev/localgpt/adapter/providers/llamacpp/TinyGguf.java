package dev.localgpt.adapter.providers.llamacpp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny random-weight llama model as GGUF v3: 2 layers, 64 dims, 4 heads, an SPM vocabulary
 * of {@code <unk> <s> </s>} plus the 256 byte tokens, F32 tensors (~460 KB). The output rows of the
 * special tokens and of every byte but printable ASCII are zero, so greedy decoding (logit 0
 * against 94 random logits) never ends the reply by itself and writes valid one-token-per-character
 * text.
 */
final class TinyGguf {
  private static final int EMBD = 64;
  private static final int FFN = 128;
  private static final int LAYERS = 2;
  private static final int VOCAB = 3 + 256;
  private static final int ALIGN = 32;

  private final Random random = new Random(42);
  private final Map<String, long[]> shapes = new LinkedHashMap<>();
  private final Map<String, float[]> data = new LinkedHashMap<>();

  static Path write(Path file) throws IOException {
    return new TinyGguf().writeTo(file, null);
  }

  /** With {@code tokenizer.chat_template} set to {@code template}. */
  static Path write(Path file, String template) throws IOException {
    return new TinyGguf().writeTo(file, template);
  }

  private Path writeTo(Path file, String template) throws IOException {
    tensor("token_embd.weight", 0.5f, EMBD, VOCAB);
    for (int layer = 0; layer < LAYERS; layer++) {
      String p = "blk." + layer + ".";
      ones(p + "attn_norm.weight", EMBD);
      tensor(p + "attn_q.weight", 0.2f, EMBD, EMBD);
      tensor(p + "attn_k.weight", 0.2f, EMBD, EMBD);
      tensor(p + "attn_v.weight", 0.2f, EMBD, EMBD);
      tensor(p + "attn_output.weight", 0.2f, EMBD, EMBD);
      ones(p + "ffn_norm.weight", EMBD);
      tensor(p + "ffn_gate.weight", 0.2f, EMBD, FFN);
      tensor(p + "ffn_up.weight", 0.2f, EMBD, FFN);
      tensor(p + "ffn_down.weight", 0.2f, FFN, EMBD);
    }
    ones("output_norm.weight", EMBD);
    float[] output = tensor("output.weight", 1.0f, EMBD, VOCAB);
    for (int token = 0; token < VOCAB; token++) {
      int b = token - 3;
      if (b < 0x21 || b > 0x7E) {
        java.util.Arrays.fill(output, token * EMBD, (token + 1) * EMBD, 0f);
      }
    }

    Out out = new Out();
    out.u32(0x46554747).u32(3).u64(data.size());
    List<Runnable> kv = new ArrayList<>();
    kv.add(() -> out.key("general.architecture").str("llama"));
    kv.add(() -> out.key("general.name").str("tiny-random"));
    kv.add(() -> out.key("llama.context_length").u32Value(512));
    kv.add(() -> out.key("llama.embedding_length").u32Value(EMBD));
    kv.add(() -> out.key("llama.block_count").u32Value(LAYERS));
    kv.add(() -> out.key("llama.feed_forward_length").u32Value(FFN));
    kv.add(() -> out.key("llama.attention.head_count").u32Value(4));
    kv.add(() -> out.key("llama.attention.head_count_kv").u32Value(4));
    kv.add(() -> out.key("llama.rope.dimension_count").u32Value(EMBD / 4));
    kv.add(() -> out.key("llama.attention.layer_norm_rms_epsilon").u32(6).f32(1e-5f));
    kv.add(() -> out.key("tokenizer.ggml.model").str("llama"));
    kv.add(
        () -> {
          out.key("tokenizer.ggml.tokens").u32(9).u32(8).u64(VOCAB);
          out.string("<unk>").string("<s>").string("</s>");
          for (int b = 0; b < 256; b++) {
            out.string(String.format("<0x%02X>", b));
          }
        });
    kv.add(
        () -> {
          out.key("tokenizer.ggml.scores").u32(9).u32(6).u64(VOCAB);
          for (int i = 0; i < VOCAB; i++) {
            out.f32(0f);
          }
        });
    kv.add(
        () -> {
          out.key("tokenizer.ggml.token_type").u32(9).u32(5).u64(VOCAB);
          out.u32(2).u32(3).u32(3);
          for (int b = 0; b < 256; b++) {
            out.u32(6);
          }
        });
    kv.add(() -> out.key("tokenizer.ggml.unknown_token_id").u32Value(0));
    kv.add(() -> out.key("tokenizer.ggml.bos_token_id").u32Value(1));
    kv.add(() -> out.key("tokenizer.ggml.eos_token_id").u32Value(2));
    if (template != null) {
      kv.add(() -> out.key("tokenizer.chat_template").str(template));
    }
    out.u64(kv.size());
    kv.forEach(Runnable::run);

    long offset = 0;
    for (Map.Entry<String, long[]> t : shapes.entrySet()) {
      out.string(t.getKey()).u32(t.getValue().length);
      for (long d : t.getValue()) {
        out.u64(d);
      }
      out.u32(0).u64(offset); // F32
      offset += align(data.get(t.getKey()).length * 4L);
    }
    out.pad();
    for (float[] values : data.values()) {
      for (float v : values) {
        out.f32(v);
      }
      out.pad();
    }
    Files.write(file, out.bytes());
    return file;
  }

  private float[] tensor(String name, float scale, long ne0, long ne1) {
    float[] values = new float[(int) (ne0 * ne1)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian() * scale;
    }
    shapes.put(name, new long[] {ne0, ne1});
    data.put(name, values);
    return values;
  }

  private void ones(String name, long n) {
    float[] values = new float[(int) n];
    java.util.Arrays.fill(values, 1f);
    shapes.put(name, new long[] {n});
    data.put(name, values);
  }

  private static long align(long n) {
    return (n + ALIGN - 1) / ALIGN * ALIGN;
  }

  /** Little-endian byte sink. */
  private static final class Out {
    private ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    private void room(int n) {
      if (buf.remaining() < n) {
        ByteBuffer bigger =
            ByteBuffer.allocate(buf.capacity() * 2 + n).order(ByteOrder.LITTLE_ENDIAN);
        buf.flip();
        bigger.put(buf);
        buf = bigger;
      }
    }

    Out u32(int v) {
      room(4);
      buf.putInt(v);
      return this;
    }

    Out u64(long v) {
      room(8);
      buf.putLong(v);
      return this;
    }

    Out f32(float v) {
      room(4);
      buf.putFloat(v);
      return this;
    }

    Out string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      u64(b.length);
      room(b.length);
      buf.put(b);
      return this;
    }

    Out key(String k) {
      return string(k);
    }

    Out str(String v) {
      return u32(8).string(v);
    }

    Out u32Value(int v) {
      return u32(4).u32(v);
    }

    void pad() {
      while (buf.position() % ALIGN != 0) {
        room(1);
        buf.put((byte) 0);
      }
    }

    byte[] bytes() {
      byte[] out = new byte[buf.position()];
      buf.flip();
      buf.get(out);
      return out;
    }
  }
}
