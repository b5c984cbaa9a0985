package io.github.govdx.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.testkit.ExchangeSandbox;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Focused example: an idempotent sealed push. The 12345 hotline pushes a demand record to 市大数据管理局; the
 * answer carries a signed receipt the client has already checked; pushing the same request again (a retry with
 * the same {@code Idempotency-Key}) returns the same batch without storing it twice. Run:
 * {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.github.govdx.examples.PushExample}.
 */
public final class PushExample {

  private PushExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start();
        ExchangeClient hotline = sandbox.client("hotline")) {
      ObjectNode record = new ObjectMapper().createObjectNode();
      record.put("gdbh", "GD2026112400017");
      record.put("sqqd", "电话");
      record.put("sqlx", "投诉");
      record.put("sqnr", "小区路灯不亮，夜间出行不便");
      record.put("xzqh", "320505");
      record.put("slsj", "2026-11-24T08:12:00Z");
      PushRequest push =
          PushRequest.builder()
              .resourceCode("335002001/00003")
              .addRecord(record)
              .idempotencyKey(UUID.randomUUID().toString())
              .build(); // one key per logical push, kept for retries
      PushResult first = hotline.data().push(push);
      out.println(
          "stored batch "
              + first.batchId()
              + " ("
              + first.recordCount()
              + " record), receipt over message "
              + first.messageId()
              + " SM3 "
              + first.digest().hex());
      first
          .receipt()
          .ifPresent(
              r ->
                  out.println(
                      "receipt signed by "
                          + r.receiver()
                          + " at "
                          + r.issuedAt()
                          + ": "
                          + r.toJson()));
      PushResult retry = hotline.data().push(push);
      out.println(
          "retry: batch "
              + retry.batchId()
              + ", replayed="
              + retry.replayed()
              + ", batches stored: "
              + sandbox.batches("335002001/00003").size());
    }
  }
}
