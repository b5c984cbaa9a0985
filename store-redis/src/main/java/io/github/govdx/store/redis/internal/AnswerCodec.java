package io.github.govdx.store.redis.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.provider.ProviderResponse;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored answer's encoding: one small JSON object, {@code {"v":1,"s":201,"h":{"Content-Type":…},"b":"<base64>"}}
 * (version, status, headers, body). The body is the sealed envelope the provider answered, so nothing in it is
 * readable without the receiver's key.
 *
 * <p>Thread-safe.
 */
final class AnswerCodec {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  private AnswerCodec() {}

  static String encode(ProviderResponse answer) {
    ObjectNode o = JSON.createObjectNode();
    o.put("v", VERSION);
    o.put("s", answer.status());
    ObjectNode h = o.putObject("h");
    answer.headers().forEach(h::put);
    o.put("b", Base64.getEncoder().encodeToString(answer.body()));
    return o.toString();
  }

  /**
   * Reads an answer back.
   *
   * @param text the stored text
   * @return the answer
   * @throws IllegalArgumentException if the text is not an answer of this encoding
   */
  static ProviderResponse decode(String text) {
    JsonNode o;
    try {
      o = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored answer is not JSON", e);
    }
    if (o == null
        || !o.path("v").isInt()
        || o.path("v").intValue() != VERSION
        || !o.path("s").isInt()
        || !o.path("h").isObject()
        || !o.path("b").isTextual()) {
      throw new IllegalArgumentException("stored answer has an unknown shape");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.path("h").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException("stored answer has a non-text header");
      }
      headers.put(e.getKey(), e.getValue().textValue());
    }
    return new ProviderResponse(
        o.path("s").intValue(), headers, Base64.getDecoder().decode(o.path("b").textValue()));
  }
}
