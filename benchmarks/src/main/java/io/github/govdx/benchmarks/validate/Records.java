package io.github.govdx.benchmarks.validate;

import io.github.govdx.core.element.DataElementCatalogue;
import io.github.govdx.core.validate.FieldSpec;
import io.github.govdx.core.validate.ResourceSchema;

/** The 15-item resource schema and sample records shared by the validation benchmarks. */
public final class Records {

  private Records() {}

  /**
   * A 15-item person-and-organisation schema built from the shipped data elements: identifier checks
   * (GB 11643, GB 32100, mobile, postal), code tables (GB/T 2261.1, GB/T 3304, GB/T 2260 2020-12, GA/T 517),
   * dates, a date-time, a decimal amount and free text.
   *
   * @return the schema
   */
  public static ResourceSchema schema() {
    DataElementCatalogue c = DataElementCatalogue.defaultCatalogue();
    return ResourceSchema.builder("人口与法人综合信息")
        .id("110001/000001")
        .field(FieldSpec.fromElement("gmsfhm", c.get("citizen_id_number")).required().build())
        .field(FieldSpec.fromElement("xm", c.get("name")).required().build())
        .field(FieldSpec.fromElement("xb", c.get("sex_code")).required().build())
        .field(FieldSpec.fromElement("mz", c.get("ethnicity_code")).build())
        .field(FieldSpec.fromElement("csrq", c.get("birth_date")).build())
        .field(FieldSpec.fromElement("dz", c.get("address")).build())
        .field(
            FieldSpec.fromElement("qh", c.get("division_code"))
                .codeTable("GB/T 2260", "2020-12")
                .build())
        .field(FieldSpec.fromElement("yddh", c.get("mobile_number")).build())
        .field(FieldSpec.fromElement("yzbm", c.get("postal_code")).build())
        .field(FieldSpec.fromElement("zjlx", c.get("id_document_type")).build())
        .field(FieldSpec.fromElement("zjhm", c.get("id_document_number")).build())
        .field(FieldSpec.fromElement("je", c.get("amount")).build())
        .field(FieldSpec.fromElement("djsj", c.get("registration_time")).build())
        .field(FieldSpec.fromElement("tyshxydm", c.get("uscc")).build())
        .field(FieldSpec.fromElement("jgmc", c.get("organization_name")).build())
        .build();
  }

  /**
   * A valid record ({@code 11010519491231002X} and {@code 91350100M000100Y43} are the GB 11643-1999 and GB 32100-2015 Annex examples).
   *
   * @param i a counter mixed into free-text items so records differ
   * @return the record as JSON text
   */
  public static String valid(long i) {
    return "{\"gmsfhm\":\"11010519491231002X\",\"xm\":\"张三\",\"xb\":\"2\",\"mz\":\"01\",\"csrq\":\"19491231\","
        + "\"dz\":\"北京市朝阳区某街道"
        + i
        + "号\",\"qh\":\"110105\",\"yddh\":\"13800138000\",\"yzbm\":\"100020\","
        + "\"zjlx\":\"111\",\"zjhm\":\"11010519491231002X\",\"je\":"
        + (i % 100000)
        + ".25,"
        + "\"djsj\":\"20240229235959\",\"tyshxydm\":\"91350100M000100Y43\",\"jgmc\":\"某市公安局\"}";
  }

  /**
   * An invalid record: a wrong check character, an unknown sex code and 20230229.
   *
   * @param i a counter
   * @return the record as JSON text
   */
  public static String invalid(long i) {
    return valid(i)
        .replace("\"xb\":\"2\"", "\"xb\":\"7\"")
        .replace("19491231\",\"dz", "20230229\",\"dz")
        .replace("\"gmsfhm\":\"11010519491231002X\"", "\"gmsfhm\":\"110105194912310021\"");
  }
}
