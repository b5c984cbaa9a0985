package io.github.govdx.core.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** ISO-8601 {@code yyyy-MM-dd} (de)serialization of {@link LocalDate} without the jsr310 module. */
final class IsoDates {

  private IsoDates() {}

  /** Writes a date as {@code "2024-02-29"}. */
  static final class Serializer extends StdSerializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(LocalDate.class);
    }

    @Override
    public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /** Reads {@code "2024-02-29"}. */
  static final class Deserializer extends StdDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return LocalDate.parse(text == null ? "" : text);
      } catch (DateTimeParseException e) {
        return (LocalDate)
            ctxt.handleWeirdStringValue(LocalDate.class, text, "not an ISO date yyyy-MM-dd");
      }
    }
  }
}
