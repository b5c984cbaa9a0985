#!/usr/bin/env bash
# Fresh-consumer check: does what docs/getting-started.md tells a department, word for word, outside this
# repository, and fails if the new project does not build and pass its test.
#
#   1. clones this checkout's HEAD (the page says: git clone … && cd govdx) into a temporary directory;
#   2. runs the page's `mvn -B install -DskipTests` there, into a throwaway local Maven repository;
#   3. writes a new project from the page's blocks marked <!-- consumer:PATH --> (its pom.xml and its test);
#   4. runs `mvn -B test` in it against the same throwaway repository and checks that its test ran and passed.
#
#   bash .ci/consumer.sh          # about 4 minutes on two cores; extra arguments go to both Maven runs (e.g. -o)
#
# The throwaway repository starts as a copy of ~/.m2/repository (or of $GOVDX_SEED_REPO) so that third-party
# artifacts need not be downloaded again; ~/.m2 itself is never written. GOVDX_KEEP=1 keeps the directory.
set -euo pipefail
cd "$(dirname "$0")/.."
checkout="$(pwd)"
page="$checkout/docs/getting-started.md"

work="$(mktemp -d "${TMPDIR:-/tmp}/govdx-consumer.XXXXXX")"
if [ "${GOVDX_KEEP:-0}" = 1 ]; then
  echo "keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi
repo="$work/m2"
seed="${GOVDX_SEED_REPO:-$HOME/.m2/repository}"
if [ -d "$seed" ]; then
  cp -a "$seed" "$repo"
  # never take govdx itself from the seed: the check must use what step 2 installs
  rm -rf "$repo/io/github/govdx"
else
  mkdir -p "$repo"
fi

echo "== 1. git clone (this checkout's HEAD $(git rev-parse --short HEAD))"
git clone -q "$checkout" "$work/govdx"

echo "== 2. mvn -B install -DskipTests"
(cd "$work/govdx" && mvn -B install -DskipTests -Dmaven.repo.local="$repo" "$@" > "$work/install.log" 2>&1) || {
  tail -50 "$work/install.log"
  echo "FAILED: mvn -B install -DskipTests in a fresh clone"
  exit 1
}
grep -q 'BUILD SUCCESS' "$work/install.log"

echo "== 3. the project of docs/getting-started.md"
project="$work/hotline"
mkdir -p "$project"
blocks=0
while read -r path; do
  mkdir -p "$project/$(dirname "$path")"
  awk -v want="$path" '
    index($0, "<!-- consumer:" want) == 1 { armed = 1; next }
    armed && /^```/ && !inside { inside = 1; next }
    inside && /^```/ { exit }
    inside { print }
  ' "$page" > "$project/$path"
  [ -s "$project/$path" ] || { echo "FAILED: empty block for $path in $page"; exit 1; }
  echo "   $path ($(wc -l < "$project/$path") lines)"
  blocks=$((blocks + 1))
done < <(sed -n 's/^<!-- consumer:\([^ ]*\).*/\1/p' "$page")
[ "$blocks" -ge 2 ] || { echo "FAILED: the page has no pom.xml and test blocks marked <!-- consumer:PATH -->"; exit 1; }

echo "== 4. mvn -B test in the new project"
(cd "$project" && mvn -B test -Dmaven.repo.local="$repo" "$@" > "$work/test.log" 2>&1) || {
  tail -80 "$work/test.log"
  echo "FAILED: the consumer project does not build or its test fails"
  exit 1
}
grep -E 'Tests run: [0-9]+, Failures: 0, Errors: 0' "$work/test.log" | tail -1
if ! grep -qE 'Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0$' "$work/test.log"; then
  echo "FAILED: no test ran in the consumer project"
  exit 1
fi
if grep -q 'CloseableResource' "$work/test.log"; then
  grep 'CloseableResource' "$work/test.log"
  echo "FAILED: JUnit warns about a CloseableResource"
  exit 1
fi
echo "OK: a new project following docs/getting-started.md builds and passes its test"
