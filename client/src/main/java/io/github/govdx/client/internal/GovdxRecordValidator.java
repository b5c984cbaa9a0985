package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.ExchangeValidationException;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.core.validate.ValidationReport;
import io.github.govdx.core.validate.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RecordValidator#govdx()}: govdx-core's record validation of the resource, resolved from its catalog
 * detail by {@link ResourceSchemaResolver} and compiled once per resource. Violations keep core's pointer, rule
 * and code ({@code /sfzh}, {@code x-govdx-identifier:gb11643/check-digit}, {@code GDX-1408}), so sender and
 * receiver report a bad record in the same words. The cache holds at most {@value #MAX_RESOURCES} resources
 * (an arbitrary entry is dropped beyond that) and is keyed by resource code; a changed detail of the same
 * resource (a new catalog version) is compiled again. Thread-safe.
 */
public final class GovdxRecordValidator implements RecordValidator {

  /** The shared instance. */
  public static final GovdxRecordValidator INSTANCE = new GovdxRecordValidator();

  /** The most resources whose compiled validation is kept. */
  static final int MAX_RESOURCES = 256;

  private static final Logger LOG = LoggerFactory.getLogger(GovdxRecordValidator.class);

  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

  /** A detail and how its records are validated. */
  private record Compiled(ResourceDetail detail, ResourceSchemaResolver.Resolution resolution) {}

  private GovdxRecordValidator() {}

  /**
   * How a detail's records are validated (compiled on first use, then cached).
   *
   * @param detail the detail
   * @return the resolution
   */
  ResourceSchemaResolver.Resolution resolution(ResourceDetail detail) {
    Compiled c = cache.get(detail.resourceCode());
    if (c != null && c.detail() == detail) {
      return c.resolution();
    }
    if (c != null && c.detail().equals(detail)) {
      // an equal detail fetched again (catalog cache refresh): keep the compiled validation, and
      // remember this
      // instance so the next records of the batch take the identity check, not a deep comparison
      // each
      cache.put(detail.resourceCode(), new Compiled(detail, c.resolution()));
      return c.resolution();
    }
    ResourceSchemaResolver.Resolution r = ResourceSchemaResolver.resolve(detail);
    LOG.debug("record validation of {}: {}", detail.resourceCode(), r.getClass().getSimpleName());
    if (cache.size() >= MAX_RESOURCES) {
      Iterator<String> it = cache.keySet().iterator();
      if (it.hasNext()) {
        cache.remove(it.next());
      }
    }
    cache.put(detail.resourceCode(), new Compiled(detail, r));
    return r;
  }

  @Override
  public List<ErrorDetail> validate(ResourceDetail resource, JsonNode record) {
    ResourceSchemaResolver.Resolution r = resolution(resource);
    if (r instanceof ResourceSchemaResolver.Core core) {
      ValidationReport report = core.validator().validate(record);
      if (report.isValid()) {
        return List.of();
      }
      List<ErrorDetail> out = new ArrayList<>(report.violations().size());
      for (Violation v : report.violations()) {
        out.add(new ErrorDetail(v.pointer(), v.rule(), v.codeText()));
      }
      if (out.isEmpty()) {
        out.add(new ErrorDetail("", "record", ""));
      }
      return out;
    }
    if (r instanceof ResourceSchemaResolver.Plain plain) {
      return JsonSchemaRecordValidator.INSTANCE.validate(plain.schema(), record);
    }
    if (r instanceof ResourceSchemaResolver.Unusable unusable) {
      throw new ExchangeValidationException(
          ClientErrorCode.RESOURCE_SCHEMA_UNUSABLE,
          unusable.reason()
              + "; records cannot be checked, so none are sent or accepted (pass RecordValidator.plainJsonSchema() or "
              + "none() to the builder to override)",
          List.of(new ErrorDetail("", "schema", "")),
          null);
    }
    return List.of();
  }
}
