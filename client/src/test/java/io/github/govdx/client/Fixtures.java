package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.govdx.core.party.PartyId;
import java.net.URI;
import java.time.Duration;

/** Shared test data: parties, resources and protocol bodies of docs/protocol.md. */
public final class Fixtures {

  public static final PartyId HOTLINE = PartyId.parse("11320500014160478L/hotline");
  public static final PartyId POLICE = PartyId.parse("11320500014160486F");
  public static final PartyId OTHER = PartyId.parse("11320500014160494A");
  public static final String RESOURCE = "335001001/00012";
  public static final String RESOURCE_PATH = "/v1/data/335001001/00012";

  /**
   * The items of 户籍人口基本信息 as docs/protocol.md section 6.2 serves them: 姓名 an..50, 公民身份号码 an18 with
   * the GB 11643 check, 性别 n1 from GB/T 2261.1, 出生日期 YYYYMMDD.
   */
  public static final String ITEMS =
      "[{\"name\":\"xm\",\"nameZh\":\"姓名\",\"dataType\":\"C\","
          + "\"format\":\"an..50\",\"required\":true,\"sensitivity\":3},"
          + "{\"name\":\"sfzh\",\"nameZh\":\"公民身份号码\",\"dataType\":\"C\",\"format\":\"an18\","
          + "\"identifier\":\"gb11643\",\"required\":true,\"sensitivity\":4},"
          + "{\"name\":\"xb\",\"nameZh\":\"性别\",\"dataType\":\"C\",\"format\":\"n1\","
          + "\"codeTable\":\"GB/T 2261.1\",\"sensitivity\":2},"
          + "{\"name\":\"csrq\",\"nameZh\":\"出生日期\",\"dataType\":\"D\",\"format\":\"YYYYMMDD\","
          + "\"sensitivity\":3}]";

  /** The detail's head, up to and without the items and schema. */
  public static final String DETAIL_HEAD =
      "{\"resourceCode\":\"335001001/00012\",\"name\":\"户籍人口基本信息\","
          + "\"provider\":\"11320500014160486F\",\"providerName\":\"某市公安局\",\"shareType\":\"conditional\","
          + "\"updateCycle\":\"daily\",\"format\":\"interface\",\"publishedOn\":\"2026-03-01\","
          + "\"actions\":[\"query\",\"push\"]";

  /**
   * The record schema govdx-core exports for {@link #ITEMS} (what the sandbox and a govdx provider serve as
   * {@code schema}), computed with core so it follows core's compiler.
   */
  public static final String SCHEMA =
      io.github.govdx.core.validate.RecordValidator.builder(
              io.github.govdx.core.validate.ResourceSchema.builder("户籍人口基本信息")
                  .id("335001001/00012")
                  .field(
                      io.github.govdx.core.validate.FieldSpec.value(
                              "xm", "姓名", io.github.govdx.core.element.DataType.CHARACTER)
                          .format("an..50")
                          .required()
                          .build())
                  .field(
                      io.github.govdx.core.validate.FieldSpec.value(
                              "sfzh", "公民身份号码", io.github.govdx.core.element.DataType.CHARACTER)
                          .format("an18")
                          .identifier("gb11643")
                          .required()
                          .build())
                  .field(
                      io.github.govdx.core.validate.FieldSpec.value(
                              "xb", "性别", io.github.govdx.core.element.DataType.CHARACTER)
                          .format("n1")
                          .codeTable("GB/T 2261.1")
                          .build())
                  .field(
                      io.github.govdx.core.validate.FieldSpec.value(
                              "csrq", "出生日期", io.github.govdx.core.element.DataType.DATE)
                          .format("YYYYMMDD")
                          .build())
                  .build())
          .build()
          .jsonSchemaText();

  /** The catalog detail with items and the exported schema (docs/protocol.md section 6.2). */
  public static final String DETAIL =
      DETAIL_HEAD + ",\"items\":" + ITEMS + ",\"schema\":" + SCHEMA + "}";

  public static final String APPLICATION =
      "{\"applicationId\":\"app-1\",\"resourceCode\":\"335001001/00012\","
          + "\"applicant\":\"11320500014160478L/hotline\",\"provider\":\"11320500014160486F\","
          + "\"purpose\":\"核验来电人身份\",\"items\":[\"xm\",\"sfzh\"],\"state\":\"submitted\","
          + "\"submittedAt\":\"2026-11-24T08:30:00Z\",\"updatedAt\":\"2026-11-24T08:30:00Z\","
          + "\"timeLimitWorkingDays\":10,\"dueDate\":\"2026-12-08\",\"history\":[{\"state\":\"submitted\","
          + "\"at\":\"2026-11-24T08:30:00Z\",\"by\":\"11320500014160478L/hotline\"}]}";

  public static final String DIGEST_HEX =
      "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";

  public static final String OBJECTION =
      "{\"objectionId\":\"obj-7\",\"resourceCode\":\"335001001/00012\","
          + "\"objector\":\"11320500014160478L/hotline\",\"provider\":\"11320500014160486F\","
          + "\"messageId\":\"6a1f0c2e-9b7d-4e3c-8f21-5d4c3b2a1908\",\"digest\":{\"alg\":\"SM3\",\"value\":\""
          + DIGEST_HEX
          + "\"},\"pointers\":[\"/records/0/xb\"],\"category\":\"inaccurate\","
          + "\"description\":\"性别与户籍登记不一致\",\"state\":\"submitted\",\"submittedAt\":\"2026-11-24T09:10:00Z\","
          + "\"updatedAt\":\"2026-11-24T09:10:00Z\",\"timeLimitWorkingDays\":5,\"dueDate\":\"2026-12-01\","
          + "\"history\":[]}";

  private Fixtures() {}

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  static ResponseDefinitionBuilder error(int status, String code, String source) {
    return json(
        status,
        "{\"code\":\""
            + code
            + "\",\"message\":\""
            + code
            + ": test failure\",\"requestId\":\"r\","
            + "\"source\":\""
            + source
            + "\"}");
  }

  static String jsonString(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "")
        + "\"";
  }

  /** A plain (sealing off) client against a WireMock base URL, without retries (RetryTest adds them). */
  public static ExchangeClientBuilder plain(String baseUrl) {
    return ExchangeClient.builder()
        .endpoint(URI.create(baseUrl))
        .party(HOTLINE)
        .sealing(false)
        .readTimeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.none());
  }
}
