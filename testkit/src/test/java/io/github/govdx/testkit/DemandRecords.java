package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Valid records of the sandbox's 12345 demands resource ({@code 335002001/00003}), made one at a time from their
 * index, so that a million of them never sit in memory and an importer can check each record it gets.
 */
final class DemandRecords implements Iterator<JsonNode> {

  static final String RESOURCE = "335002001/00003";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] CHANNELS = {"电话", "网站", "微信", "APP"};
  private static final String[] TYPES = {"投诉", "咨询", "求助", "建议"};
  private static final String[] AREAS = {"320505", "320506", "320507", "320508"};

  private final long count;
  private long next;

  DemandRecords(long count) {
    this.count = count;
  }

  /** The record with this index. */
  static ObjectNode record(long i) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("gdbh", "GD2026" + String.format("%010d", i));
    r.put("sqqd", CHANNELS[(int) (i % 4)]);
    r.put("sqlx", TYPES[(int) (i / 4 % 4)]);
    if (i % 3 == 0) {
      r.put("sqr", "张三" + (i % 100));
    }
    r.put("sqnr", "小区路灯不亮，第" + i + "号诉求");
    r.put("xzqh", AREAS[(int) (i / 16 % 4)]);
    r.put("slsj", "2026-11-24T08:12:00Z");
    return r;
  }

  @Override
  public boolean hasNext() {
    return next < count;
  }

  @Override
  public JsonNode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return record(next++);
  }
}
