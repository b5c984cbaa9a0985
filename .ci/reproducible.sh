#!/usr/bin/env bash
# Reproducible-build check: builds every jar of the release profile twice from a clean tree (module jars, sources
# and Javadoc jars, the test-jar, the shaded govdx.jar / govdx-sandbox.jar / benchmarks.jar) and compares them byte
# for byte. Exits 0 when every jar is identical, 1 naming the jars (and the entries in them) that differ.
#
#   bash .ci/reproducible.sh            # about 5 minutes on two cores
#   bash .ci/reproducible.sh -o         # extra Maven arguments are passed on (here: offline)
#
# Not part of .ci/run (it takes longer than the rest of CI's build); run it before a release (docs/releasing.md).
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d "${TMPDIR:-/tmp}/govdx-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The plugins known not to build reproducibly at their configured versions (maven-artifact-plugin's list).
mvn -B -q -P release artifact:check-buildplan "$@"

build() {
  local out="$1"
  shift
  mvn -B -q -P release clean package -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true "$@"
  mkdir -p "$out"
  find . -path ./node_modules -prune -o -path '*/target/*.jar' -print | sort | while read -r jar; do
    mkdir -p "$out/$(dirname "$jar")"
    cp "$jar" "$out/$jar"
  done
}

echo "build 1 of 2"
build "$work/one" "$@"
echo "build 2 of 2"
build "$work/two" "$@"

count=0
differ=0
while read -r jar; do
  count=$((count + 1))
  if ! cmp -s "$work/one/$jar" "$work/two/$jar"; then
    differ=$((differ + 1))
    echo "DIFFERS: $jar"
    # name the entries whose content differs
    for side in one two; do
      mkdir -p "$work/x-$side"
      rm -rf "${work:?}/x-$side"/*
      (cd "$work/x-$side" && unzip -q -o "$work/$side/$jar")
    done
    diff -rq "$work/x-one" "$work/x-two" | sed 's/^/  /' || true
  fi
done < <(cd "$work/one" && find . -name '*.jar' | sort)

if [ ! -d "$work/two" ] || [ "$(cd "$work/two" && find . -name '*.jar' | wc -l)" -ne "$count" ]; then
  echo "the two builds produced different sets of jars"
  exit 1
fi
if [ "$differ" -ne 0 ]; then
  echo "$differ of $count jars differ between two builds"
  exit 1
fi
echo "$count jars, identical in both builds:"
(cd "$work/one" && find . -name '*.jar' | sort | xargs sha256sum)
