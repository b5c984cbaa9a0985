package io.github.govdx.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.util.List;

/**
 * The departments and catalog entries of the demo city (synthetic): what each provider department registers in
 * the platform's catalog (资源目录), in the wire form of {@code docs/protocol.md} §6.2. Thread-safe (constants).
 */
public final class DemoCatalog {

  /** 市公安局: provides the household register. */
  public static final PartyId POLICE = PartyId.parse("11320500014160478L");

  /** The 12345 hotline system of 市政务服务管理办公室. */
  public static final PartyId HOTLINE = PartyId.parse("11320500014160486F/hotline");

  /** 市城市管理局: handles dispatched work orders. */
  public static final PartyId CITY_MANAGEMENT = PartyId.parse("11320500014160494A");

  /** 市大数据管理局: collects hotline demand records for shared analysis. */
  public static final PartyId BIG_DATA = PartyId.parse("113205000141605070");

  /** 户籍人口基本信息 (conditional, query). */
  public static final String PEOPLE = "335001001/00012";

  /** 12345热线诉求记录 (unconditional, push and query). */
  public static final String DEMANDS = "335002001/00003";

  /** 12345热线工单（城市管理） (unconditional, push): work orders dispatched to 市城市管理局. */
  public static final String WORK_ORDERS = "335003001/00031";

  /** 12345热线工单办理结果 (unconditional, push): answers to the hotline. */
  public static final String WORK_ORDER_REPLIES = "335004001/00001";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoCatalog() {}

  /**
   * The household register entry 市公安局 publishes.
   *
   * @return the entry
   */
  public static ObjectNode people() {
    ObjectNode e =
        entry(
            PEOPLE,
            "户籍人口基本信息",
            POLICE,
            "某市公安局",
            "常住户籍人口的基本身份信息",
            "conditional",
            "daily",
            List.of("query"));
    e.put("shareConditions", "用于政务服务身份核验");
    ArrayNode items = e.putArray("items");
    item(items, "xm", "姓名", "C", "an..50", true, 3).put("identifier", "");
    item(items, "sfzh", "公民身份号码", "C", "an18", true, 4).put("identifier", "gb11643");
    item(items, "xb", "性别", "C", "n1", false, 2).put("codeTable", "GB/T 2261.1");
    item(items, "csrq", "出生日期", "D", "YYYYMMDD", false, 3);
    item(items, "hjdz", "户籍地址", "C", "an..200", false, 3);
    return clean(e);
  }

  /**
   * The hotline demand records entry of 市大数据管理局.
   *
   * @return the entry
   */
  public static ObjectNode demands() {
    ObjectNode e =
        entry(
            DEMANDS,
            "12345热线诉求记录",
            BIG_DATA,
            "某市大数据管理局",
            "12345热线受理的群众诉求，供各部门共享分析",
            "unconditional",
            "realtime",
            List.of("push", "query"));
    ArrayNode items = e.putArray("items");
    item(items, "gdbh", "工单编号", "C", "an..50", true, 1);
    item(items, "sqqd", "诉求渠道", "C", "an..10", true, 1);
    item(items, "sqlx", "诉求类型", "C", "an..10", true, 1);
    item(items, "sqr", "诉求人姓名", "C", "an..50", false, 3);
    item(items, "lxdh", "联系电话", "C", "n11", false, 3).put("identifier", "mobile");
    item(items, "sqnr", "诉求内容", "C", "an..1000", true, 2);
    item(items, "xzqh", "行政区划代码", "C", "n6", true, 1).put("codeTable", "GB/T 2260");
    item(items, "slsj", "受理时间", "C", "an..20", true, 1);
    return e;
  }

  /**
   * The work-order entry of 市城市管理局 (the hotline dispatches to it).
   *
   * @return the entry
   */
  public static ObjectNode workOrders() {
    ObjectNode e =
        entry(
            WORK_ORDERS,
            "12345热线工单（城市管理）",
            CITY_MANAGEMENT,
            "某市城市管理局",
            "12345热线派发至城市管理部门承办的工单（接诉即办）",
            "unconditional",
            "realtime",
            List.of("push"));
    ArrayNode items = e.putArray("items");
    item(items, "gdbh", "工单编号", "C", "an..50", true, 1);
    item(items, "sqlx", "诉求类型", "C", "an..10", true, 1);
    item(items, "sqnr", "诉求内容", "C", "an..1000", true, 2);
    item(items, "sfdz", "事发地址", "C", "an..200", false, 2);
    item(items, "xzqh", "行政区划代码", "C", "n6", true, 1).put("codeTable", "GB/T 2260");
    item(items, "lxdh", "诉求人联系电话", "C", "n11", false, 3).put("identifier", "mobile");
    item(items, "pdsj", "派单时间", "C", "an..20", true, 1);
    item(items, "blsx", "办理时限", "C", "an..20", true, 1);
    return e;
  }

  /**
   * The work-order answer entry of the hotline (departments answer to it).
   *
   * @return the entry
   */
  public static ObjectNode workOrderReplies() {
    ObjectNode e =
        entry(
            WORK_ORDER_REPLIES,
            "12345热线工单办理结果",
            HOTLINE,
            "某市12345政务服务便民热线",
            "承办单位对12345热线工单的办理结果答复",
            "unconditional",
            "realtime",
            List.of("push"));
    ArrayNode items = e.putArray("items");
    item(items, "gdbh", "工单编号", "C", "an..50", true, 1);
    item(items, "cbdw", "承办单位代码", "C", "an18", true, 1).put("identifier", "gb32100");
    item(items, "blzt", "办理状态", "C", "an..10", true, 1);
    item(items, "bljg", "办理结果", "C", "an..1000", true, 2);
    item(items, "bjsj", "办结时间", "C", "an..20", true, 1);
    return e;
  }

  private static ObjectNode entry(
      String code,
      String name,
      PartyId provider,
      String providerName,
      String summary,
      String shareType,
      String cycle,
      List<String> actions) {
    ObjectNode e = JSON.createObjectNode();
    e.put("resourceCode", code);
    e.put("name", name);
    e.put("provider", provider.toString());
    e.put("providerName", providerName);
    e.put("summary", summary);
    e.put("shareType", shareType);
    e.put("updateCycle", cycle);
    e.put("format", "interface");
    e.put("publishedOn", "2026-11-24");
    ArrayNode a = e.putArray("actions");
    actions.forEach(a::add);
    return e;
  }

  private static ObjectNode item(
      ArrayNode items,
      String name,
      String nameZh,
      String type,
      String format,
      boolean required,
      int sensitivity) {
    ObjectNode i = items.addObject();
    i.put("name", name);
    i.put("nameZh", nameZh);
    i.put("dataType", type);
    i.put("format", format);
    i.put("required", required);
    i.put("sensitivity", sensitivity);
    return i;
  }

  private static ObjectNode clean(ObjectNode e) {
    e.withArray("items")
        .forEach(
            i -> {
              if (i.path("identifier").asText("").isEmpty()) {
                ((ObjectNode) i).remove("identifier");
              }
            });
    return e;
  }
}
