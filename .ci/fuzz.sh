#!/usr/bin/env bash
# Fuzzes one Jazzer target for a while (docs/security.md, "Fuzzing"). Every build already replays each target's
# committed corpus (regression mode, surefire execution fuzz-regression); this runs the coverage-guided fuzzer.
#
#   bash .ci/fuzz.sh MODULE CLASS#METHOD [SECONDS]      # default 300 s
#   bash .ci/fuzz.sh core CodeTableReaderJazzerTest#readCsv 600
#   bash .ci/fuzz.sh crypto EnvelopeOpenJazzerTest#open
#   bash .ci/fuzz.sh client ProviderEndpointJazzerTest#handle 120 -o    # further arguments go to Maven
#
# Targets: core CodeTableReaderJazzerTest#readCsv|readJson, RecordValidatorJazzerTest#validate|validateStreams,
# JsonSchemaImportJazzerTest#fromJson|fromJsonSchema; crypto EnvelopeOpenJazzerTest#open|openStream; client
# GovdxHmacVerifierJazzerTest#verify, ProviderEndpointJazzerTest#handle.
#
# Runs at low priority (nice). Inputs that reach new code go to MODULE/.cifuzz-corpus/<class>/<method>/ (not
# committed); an input that breaks the target's contract is written to the target's committed inputs directory
# (MODULE/src/test/resources/<package>/<Class>Inputs/<method>/crash-…) and the run fails: fix the library, keep the
# input there (it then runs in every build) and add a named regression test. Jazzer prints libFuzzer's status lines
# (#executions, cov: edges, ft: features, corp: corpus size, exec/s) to the console.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  sed -n '2,19p' "$0"
  exit 2
fi
module="$1"
target="$2"
seconds="${3:-300}"
shift $(($# < 3 ? 2 : 3))

# libFuzzer arguments reach Jazzer's JUnit integration as JUnit configuration parameters (system properties in
# Surefire's test JVM); the last -max_total_time wins over @FuzzTest's default maxDuration of 5 minutes, and
# -timeout=10 reports an input that runs longer than 10 s as a hang.
JAZZER_FUZZ=1 exec nice -n 15 mvn -B -pl "$module" -am test \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgovdx.fuzz.tests="$target" \
  -Djazzer.internal.arg.0=fuzz \
  -Djazzer.internal.arg.1=-max_total_time="$seconds" \
  -Djazzer.internal.arg.2=-timeout=10 \
  -Dspotless.check.skip=true -Dcheckstyle.skip=true \
  "$@"
