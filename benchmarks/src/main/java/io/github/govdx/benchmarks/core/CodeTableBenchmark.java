package io.github.govdx.benchmarks.core;

import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableRegistry;
import io.github.govdx.core.ident.CitizenIdNumber;
import io.github.govdx.core.ident.UnifiedSocialCreditCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Code-table lookups and identifier checks against raw baselines in the same run: a GB/T 2260 lookup through
 * {@link CodeTable#lookup} vs a plain {@link HashMap#get}; a full GB 11643 check (length, charset, province,
 * birth date, MOD 11-2) vs a bare MOD 11-2 loop; a full GB 32100 check vs a bare MOD 31 loop.
 *
 * <p>Not thread-safe (JMH benchmark state, one per thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodeTableBenchmark {

  private static final int N = 1024;
  private static final int[] W11 = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] C11 = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final String C31 = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] W31 = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CodeTableRegistry registry;
  private CodeTable divisions;
  private Map<String, String> rawMap;
  private String[] codes;
  private String[] ids;
  private String[] usccs;
  private Clock clock;
  private int i;

  /** Loads the table and prepares 1024 codes and 1024 valid identifiers. */
  @Setup
  public void setup() {
    registry = CodeTableRegistry.defaultRegistry();
    divisions = registry.require("GB/T 2260");
    rawMap = new HashMap<>();
    for (CodeEntry e : divisions.entries()) {
      rawMap.put(e.code(), e.nameZh());
    }
    List<CodeEntry> entries = divisions.entries();
    Random rnd = new Random(42);
    codes = new String[N];
    ids = new String[N];
    usccs = new String[N];
    for (int k = 0; k < N; k++) {
      codes[k] = entries.get(rnd.nextInt(entries.size())).code();
      String body =
          codes[k]
              + String.format(
                  "%04d%02d%02d%03d",
                  1950 + rnd.nextInt(60),
                  1 + rnd.nextInt(12),
                  1 + rnd.nextInt(28),
                  rnd.nextInt(1000));
      ids[k] = body + mod112(body);
      String org = String.format("%08d", rnd.nextInt(100_000_000));
      org = org + orgCheck(org);
      String u = "91" + codes[k] + org;
      usccs[k] = u + C31.charAt(mod31(u));
    }
    clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  }

  private static char orgCheck(String body) {
    int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
    int s = 0;
    for (int k = 0; k < 8; k++) {
      s += (body.charAt(k) - '0') * w[k];
    }
    int c = 11 - s % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
  }

  private static char mod112(String s) {
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += (s.charAt(k) - '0') * W11[k];
    }
    return C11[sum % 11];
  }

  private static int mod31(String s) {
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += C31.indexOf(s.charAt(k)) * W31[k];
    }
    return (31 - sum % 31) % 31;
  }

  private int next() {
    return i = (i + 1) & (N - 1);
  }

  /** govdx: {@code CodeTable.lookup} on GB/T 2260. */
  @Benchmark
  public Optional<CodeEntry> lookupGovdx() {
    return divisions.lookup(codes[next()]);
  }

  /** govdx: resolving the table through the registry on every call, then looking up. */
  @Benchmark
  public Optional<CodeEntry> registryRequireThenLookup() {
    return registry.require("GB/T 2260").lookup(codes[next()]);
  }

  /** Baseline: {@code HashMap.get} on the same codes. */
  @Benchmark
  public String lookupRawHashMap() {
    return rawMap.get(codes[next()]);
  }

  /** govdx: the full GB 11643 check. */
  @Benchmark
  public boolean citizenIdGovdx() {
    return CitizenIdNumber.check(ids[next()], clock).isValid();
  }

  /** Baseline: the bare MOD 11-2 loop on the same numbers. */
  @Benchmark
  public boolean citizenIdRawMod112() {
    String s = ids[next()];
    return s.charAt(17) == mod112(s);
  }

  /** govdx: the full GB 32100 check (dept, category, region, embedded GB 11714, MOD 31). */
  @Benchmark
  public boolean creditCodeGovdx() {
    return UnifiedSocialCreditCode.check(usccs[next()]).isValid();
  }

  /** Baseline: the bare MOD 31 loop on the same codes. */
  @Benchmark
  public boolean creditCodeRawMod31() {
    String s = usccs[next()];
    return s.charAt(17) == C31.charAt(mod31(s));
  }
}
