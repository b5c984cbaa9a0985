package io.github.govdx.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplyRequest;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.testkit.ExchangeSandbox;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Focused example: a sealed query by ID number. The 12345 hotline applies for the conditionally shared
 * household register (the sandbox approves automatically), then queries one person; the sandbox answers as
 * 市公安局 from its synthetic dataset. Run: {@code mvn -q -pl examples -am compile exec:java
 * -Dexec.mainClass=io.github.govdx.examples.QueryExample}.
 */
public final class QueryExample {

  private QueryExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start(); // built-in seed, auto-approve
        ExchangeClient hotline = sandbox.client("hotline")) {
      String people = "335001001/00012"; // 户籍人口基本信息, conditional
      Application app =
          hotline
              .applications()
              .apply(
                  ApplyRequest.builder()
                      .resourceCode(people)
                      .purpose("12345热线工单办理中核验来电人身份")
                      .items(List.of("xm", "sfzh", "xb"))
                      .build());
      out.println(
          "application "
              + app.applicationId()
              + ": "
              + hotline.applications().status(app.applicationId()).state().wireName());

      String idNumber = sandbox.records(people).get(0).get("sfzh").asText(); // a synthetic person
      QueryResult<JsonNode> result =
          hotline
              .data()
              .query(
                  QueryRequest.builder()
                      .resourceCode(people)
                      .filter("sfzh", idNumber)
                      .items(List.of("xm", "sfzh", "xb"))
                      .build());
      for (JsonNode r : result.records()) {
        out.println(
            "姓名 "
                + Transcript.name(r.get("xm").asText())
                + ", 公民身份号码 "
                + Transcript.id(r.get("sfzh").asText())
                + ", 性别 "
                + r.get("xb").asText());
      }
      out.println(
          "answered by message "
              + result.messageId().orElse("?")
              + " (SM3 "
              + result.digest().map(d -> d.hex()).orElse("?")
              + ")");
    }
  }
}
