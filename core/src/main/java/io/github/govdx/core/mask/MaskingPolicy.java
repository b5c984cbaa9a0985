package io.github.govdx.core.mask;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Masks personal data (names, ID numbers, phones, addresses, e-mails, bank cards) according to the data
 * security level of the data it belongs to.
 *
 * <p>A policy is bound to one level code of table {@code GOVDX-SECURITY-LEVEL} ({@code L1}-{@code L4} of
 * DB33/T 2350-2021, {@code general}/{@code important}/{@code core} of GB/T 43697-2024) and holds one
 * {@link MaskRule} per {@link PiiKind}. The default rules are data, shipped as
 * {@code io/github/govdx/core/mask/masking-rules.csv} and listed in {@code docs/identifiers.md}: the higher
 * the level, the less is kept; {@code L4}, {@code important} and {@code core} redact everything.
 * {@link #defaultPolicy()} uses level {@code L3}.
 *
 * <p>{@link #mask} never throws on odd input and masks conservatively: when a rule would hide too little of a
 * value (fewer than a third of its characters, or none), every character is masked; an e-mail without a
 * usable {@code @} or a bank card with characters other than digits, spaces and hyphens is masked like that
 * too.
 *
 * <pre>{@code
 * MaskingPolicy.defaultPolicy().mask(PiiKind.PHONE, "13800138000");   // 138******00
 * MaskingPolicy.forLevel("L2").mask(PiiKind.ID_NUMBER, "11010519491231002X");  // 110105********002X
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MaskingPolicy {

  private static final String REDACTED = "******";
  private static final String RULES = "masking-rules.csv";

  private final String level;
  private final Map<PiiKind, MaskRule> rules;

  private MaskingPolicy(String level, Map<PiiKind, MaskRule> rules) {
    this.level = level;
    this.rules = Collections.unmodifiableMap(new EnumMap<>(rules));
  }

  private static final class Defaults {
    static final Map<String, MaskingPolicy> BY_LEVEL = load();
    static final MaskingPolicy DEFAULT = BY_LEVEL.get("L3");
  }

  /**
   * The default policy: the shipped rules of level {@code L3}.
   *
   * @return the default policy
   */
  public static MaskingPolicy defaultPolicy() {
    return Defaults.DEFAULT;
  }

  /**
   * The shipped rules of one data security level.
   *
   * @param levelCode a code of table {@code GOVDX-SECURITY-LEVEL}, e.g. {@code L2} or {@code important}
   * @return the policy
   * @throws GovdxException {@code GDX-1502} if no shipped rules exist for the level
   * @throws NullPointerException if {@code levelCode} is null
   */
  public static MaskingPolicy forLevel(String levelCode) {
    Objects.requireNonNull(levelCode, "levelCode == null");
    MaskingPolicy p = Defaults.BY_LEVEL.get(levelCode);
    if (p == null) {
      throw new GovdxException(
          CoreErrorCode.MASK_LEVEL_UNKNOWN,
          "no masking rules for data security level '" + levelCode + "'; known: " + knownLevels());
    }
    return p;
  }

  /**
   * The level codes with shipped rules.
   *
   * @return the level codes, sorted
   */
  public static Set<String> knownLevels() {
    return Collections.unmodifiableSet(new TreeSet<>(Defaults.BY_LEVEL.keySet()));
  }

  /**
   * Starts a custom policy for a level; every kind starts as {@link MaskRule#redact()}.
   *
   * @param levelCode the level code the policy is for (any text)
   * @return a new builder
   * @throws NullPointerException if {@code levelCode} is null
   */
  public static Builder builder(String levelCode) {
    return new Builder(Objects.requireNonNull(levelCode, "levelCode == null"));
  }

  /**
   * A builder starting from this policy's rules.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(level);
    b.rules.putAll(rules);
    return b;
  }

  /**
   * The level this policy is for.
   *
   * @return the level code
   */
  public String level() {
    return level;
  }

  /**
   * The rule for one kind.
   *
   * @param kind the kind
   * @return the rule
   * @throws NullPointerException if {@code kind} is null
   */
  public MaskRule rule(PiiKind kind) {
    return rules.get(Objects.requireNonNull(kind, "kind == null"));
  }

  /**
   * Masks a value. Never throws on odd input; an empty value stays empty.
   *
   * @param kind what the value is
   * @param value the value
   * @return the masked value
   * @throws NullPointerException if an argument is null
   */
  public String mask(PiiKind kind, String value) {
    Objects.requireNonNull(value, "value == null");
    MaskRule rule = rule(kind);
    if (value.isEmpty()) {
      return "";
    }
    if (rule.isRedact()) {
      return REDACTED;
    }
    switch (kind) {
      case EMAIL:
        return maskEmail(value, rule);
      case BANK_CARD:
        return maskCard(value, rule);
      default:
        return keepEnds(value, rule.keepFirst(), rule.keepLast());
    }
  }

  private static String maskEmail(String value, MaskRule rule) {
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1) {
      return stars(value.codePointCount(0, value.length()));
    }
    return keepEnds(value.substring(0, at), rule.keepFirst(), rule.keepLast())
        + value.substring(at);
  }

  private static String maskCard(String value, MaskRule rule) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != ' ' && c != '-') {
        return stars(value.codePointCount(0, value.length()));
      }
    }
    String masked = keepEnds(digits.toString(), rule.keepFirst(), rule.keepLast());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < masked.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(' ');
      }
      out.append(masked.charAt(i));
    }
    return out.toString();
  }

  /** Keeps code points at both ends; masks all when too little would be hidden. */
  static String keepEnds(String value, int first, int last) {
    int[] cps = value.codePoints().toArray();
    int n = cps.length;
    int hidden = n - first - last;
    if (hidden < Math.max(1, (n + 2) / 3)) {
      return stars(n);
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < n; i++) {
      if (i < first || i >= n - last) {
        out.appendCodePoint(cps[i]);
      } else {
        out.append('*');
      }
    }
    return out.toString();
  }

  private static String stars(int n) {
    return "*".repeat(n);
  }

  private static Map<String, MaskingPolicy> load() {
    Map<String, Builder> builders = new HashMap<>();
    Map<String, Set<PiiKind>> seen = new HashMap<>();
    try (InputStream in = MaskingPolicy.class.getResourceAsStream(RULES)) {
      if (in == null) {
        throw new GovdxException(CoreErrorCode.MASK_RULES_MALFORMED, RULES + " missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      boolean header = false;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (!header) {
          header = true;
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 4) {
          throw bad(n, "expected 4 fields");
        }
        PiiKind kind;
        try {
          kind = PiiKind.valueOf(f[1].strip());
        } catch (IllegalArgumentException e) {
          throw bad(n, "unknown kind " + f[1]);
        }
        MaskRule rule;
        if ("REDACT".equals(f[2].strip())) {
          rule = MaskRule.redact();
        } else {
          try {
            rule = MaskRule.keep(Integer.parseInt(f[2].strip()), Integer.parseInt(f[3].strip()));
          } catch (IllegalArgumentException e) {
            throw bad(n, "keep counts must be non-negative integers");
          }
        }
        String level = f[0].strip();
        if (!seen.computeIfAbsent(level, k -> java.util.EnumSet.noneOf(PiiKind.class)).add(kind)) {
          throw bad(n, "rule for " + level + "/" + kind + " repeated");
        }
        builders.computeIfAbsent(level, Builder::new).rule(kind, rule);
      }
    } catch (IOException e) {
      throw new GovdxException(
          CoreErrorCode.MASK_RULES_MALFORMED, RULES + ": " + e.getMessage(), e);
    }
    Map<String, MaskingPolicy> out = new HashMap<>();
    seen.forEach(
        (level, kinds) -> {
          if (kinds.size() != PiiKind.values().length) {
            throw new GovdxException(
                CoreErrorCode.MASK_RULES_MALFORMED,
                RULES + ": level " + level + " lacks rules for some kinds");
          }
          out.put(level, builders.get(level).build());
        });
    return Map.copyOf(out);
  }

  private static GovdxException bad(int line, String reason) {
    return new GovdxException(
        CoreErrorCode.MASK_RULES_MALFORMED, RULES + " line " + line + ": " + reason);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MaskingPolicy)) {
      return false;
    }
    MaskingPolicy that = (MaskingPolicy) o;
    return level.equals(that.level) && rules.equals(that.rules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(level, rules);
  }

  @Override
  public String toString() {
    return "MaskingPolicy{" + level + " " + rules + "}";
  }

  /**
   * Builds a {@link MaskingPolicy}. Not thread-safe.
   */
  public static final class Builder {

    private final String level;
    private final EnumMap<PiiKind, MaskRule> rules = new EnumMap<>(PiiKind.class);

    private Builder(String level) {
      this.level = level;
      for (PiiKind k : PiiKind.values()) {
        rules.put(k, MaskRule.redact());
      }
    }

    /**
     * Sets the rule for one kind.
     *
     * @param kind the kind
     * @param rule the rule
     * @return this builder
     */
    public Builder rule(PiiKind kind, MaskRule rule) {
      rules.put(
          Objects.requireNonNull(kind, "kind == null"),
          Objects.requireNonNull(rule, "rule == null"));
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public MaskingPolicy build() {
      return new MaskingPolicy(level, rules);
    }
  }
}
