#!/usr/bin/env bash
# Runs every test against real RabbitMQ and PostgreSQL: starts them first (installing with apt if needed),
# builds once, runs each test project with a TRX log (the embedded-only ones beside the integration tests), and
# prints "N passed, N failed" from the TRX counters.
# Fails if any test failed or none ran. `.ci/run` calls this same script. A test that runs longer than
# TEST_HANG_TIMEOUT (default 5 minutes) is killed and fails the run instead of hanging it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/start-services.sh

results="${TEST_RESULTS:-TestResults}"
hang_timeout="${TEST_HANG_TIMEOUT:-5m}"
rm -rf "$results"
mkdir -p "$results"

dotnet build Tracking.sln -c Release -nologo -v quiet

# One test project, with a TRX log for the counts below.
run_project() {
  local project=$1 name
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=${name}.trx" --logger "console;verbosity=normal" \
    --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none \
    --results-directory "$results"
}

# The browser, unit and API-client tests run on the embedded default (SQLite, in-memory bus) and never touch RabbitMQ
# or PostgreSQL, so they run beside the integration tests, whose drills stop and restart those two. Their output is
# kept in a file and printed after, so the two streams don't interleave.
side_log="$results/side-lane.log"
(
  side_status=0
  for project in tests/*/*.csproj; do
    case "$(basename "$project" .csproj)" in *Benchmarks*|*IntegrationTests*) continue ;; esac
    run_project "$project" || side_status=$?
  done
  # The approved OpenAPI document (When_the_api_contract_is_checked keeps it equal to the served one) must pass both
  # linters with no errors: Redocly's recommended rules and Spectral's spectral:oas, pinned by tools/openapi-lint's lock file.
  if ! (cd tools/openapi-lint && npm ci --no-audit --no-fund --loglevel=error && npm run --silent lint); then
    echo "OpenAPI lint failed" >&2
    side_status=1
  fi
  exit "$side_status"
) >"$side_log" 2>&1 &
side_pid=$!

status=0
run_project tests/Tracking.IntegrationTests/Tracking.IntegrationTests.csproj || status=$?
side_status=0
wait "$side_pid" || side_status=$?
cat "$side_log"
if [ "$side_status" -ne 0 ]; then status=$side_status; fi

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

# CI shows only the tail of the output: name each failed test (with the first lines of its message) just above the
# closing line, so a failure is never hidden above the side lane's log.
if [ "$failed" -ne 0 ]; then
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    python3 deploy/trx-failures.py "$trx" || grep -o 'testName="[^"]*"[^>]*outcome="Failed"' "$trx" || true
  done
fi
echo "${passed} passed, ${failed} failed"
if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A hang kill aborts the run before the TRX counts the test: say so rather than print a green-looking line.
  echo "a test run aborted (hang timeout ${hang_timeout} or crash); see ${results}" >&2
fi
if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi
