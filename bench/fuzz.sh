#!/usr/bin/env bash
# Fuzz every Jazzer target, one at a time (each run takes the cores it can get), and print a table.
#
#   bench/fuzz.sh [duration=90s] [filter]       e.g. bench/fuzz.sh 2m webhook
#
# Each line of TARGETS is "module Class method"; in fuzzing mode Jazzer runs only the first
# @FuzzTest of a class per JVM, so each method is its own Maven run (-Dtest=Class#method).
# Findings are written by Jazzer into <module>/src/test/resources/<package>/<Class>Inputs/<method>/
# (crash-<sha1>), which the normal build then replays; the generated corpus goes to
# <module>/.cifuzz-corpus/ (git-ignored). Logs: target/fuzz/<module>-<Class>-<method>.log.
set -uo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-90s}
FILTER=${2:-}
TARGETS="
policy EmbeddedParsersFuzzTest yamlTrees
policy EmbeddedParsersFuzzTest embeddedDocuments
policy EmbeddedParsersFuzzTest keyValueLines
policy EmbeddedParsersFuzzTest base64
policy EmbeddedParsersFuzzTest urlsCommandLinesAndKeyNames
policy PolicyEngineFuzzTest scanText
policy PolicyEngineFuzzTest secretNeverLeaks
policy PolicyEngineFuzzTest scanTree
compiler ParserFuzzTest floeYaml
compiler ParserFuzzTest platformYaml
runtime ConfigLoaderFuzzTest floeGitopsYaml
admission ReviewFuzzTest reviewNeverFails
admission PemPairReaderFuzzTest pemPair
webhook EventRecordCodecFuzzTest decode
webhook ProviderAdapterFuzzTest github
webhook ProviderAdapterFuzzTest gitlab
webhook ProviderAdapterFuzzTest gitea
webhook ProviderAdapterFuzzTest bitbucket
webhook HeaderParsersFuzzTest signatureHeaders
webhook HeaderParsersFuzzTest traceparent
webhook LinkSignerFuzzTest reportLinks
"
mkdir -p target/fuzz
printf '| target | fuzzed | executions | exec/s | result |\n|---|---|---|---|---|\n'
echo "$TARGETS" | while read -r module class method; do
  [ -z "$module" ] && continue
  case "$module $class $method" in *"$FILTER"*) ;; *) continue ;; esac
  log="target/fuzz/$module-$class-$method.log"
  extra=()
  # webhook switches Jazzer's coverage hooks off for the normal build (they slow the broker tests)
  [ "$module" = webhook ] && extra=(-Djazzer.hooks=true)
  JAZZER_FUZZ=1 mvn -B -o -pl "$module" -am test -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="$DURATION" "${extra[@]}" </dev/null >"$log" 2>&1
  rc=$?
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  runs=$(echo "$done_line" | awk '{print $2}')
  secs=$(echo "$done_line" | awk '{print $5}')
  rate=$([ -n "$runs" ] && [ "${secs:-0}" -gt 0 ] && echo $((runs / secs)) || echo "")
  result=$([ $rc -eq 0 ] && echo "no finding" || echo "FAILED (see $log)")
  printf '| %s %s#%s | %ss | %s | %s | %s |\n' "$module" "$class" "$method" "${secs:-?}" "${runs:-?}" "$rate" "$result"
done
