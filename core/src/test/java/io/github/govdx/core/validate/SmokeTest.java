package io.github.govdx.core.validate;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() {
    RecordValidator v = Fixtures.validator(Fixtures.person());
    System.out.println(v.jsonSchemaText());
    ValidationReport r = v.validate("{\"gmsfhm\":\"11010519491231000X\",\"xm\":\"张3\",\"xb\":\"5\",\"csrq\":\"20230229\","
        + "\"je\":12.345,\"dz\":{\"qh\":\"12345\"},\"lxfs\":[{\"dh\":\"1234567890123456789\"},{\"x\":1}],\"zz\":1}");
    r.violations().forEach(System.out::println);
    System.out.println(v.validate("{\"dz\":{}}").violations());
    System.out.println(RecordValidator.builder(Fixtures.person()).codeTables(Fixtures.TABLES).identifiers(Fixtures.IDS)
        .mode(ValidationMode.FAIL_FAST).build().validate("{\"xm\":\"1\",\"xb\":\"x\"}").violations());
  }
}
