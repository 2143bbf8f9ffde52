#!/usr/bin/env bash
# Runs every test suite of MedPlatform and ends with one line: "N passed, N failed".
#
#   bash scripts/test.sh
#
# Installs the Debian packages the suites need when they are missing (MariaDB, Redis, nginx and
# docker-compose for the cluster tests, Chromium for the browser tests, Node.js and npm for the web app's build), builds
# once in Release (which builds the web app too), then runs each test project. The suites start their own
# throwaway servers on free ports; nothing is left running. Exits non-zero if anything failed.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

say() { printf '\n==> %s\n' "$*"; }

# --- Prerequisites -----------------------------------------------------------------------------
NEEDED=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || NEEDED+=(mariadb-server)
command -v redis-server >/dev/null 2>&1 || NEEDED+=(redis-server)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || NEEDED+=(nginx-light)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || NEEDED+=(libnginx-mod-http-brotli-filter)
command -v docker-compose >/dev/null 2>&1 || NEEDED+=(docker-compose)
[ -x /usr/bin/chromium ] || NEEDED+=(chromium fonts-liberation)
command -v node >/dev/null 2>&1 || NEEDED+=(nodejs)
command -v npm >/dev/null 2>&1 || NEEDED+=(npm)
if [ ${#NEEDED[@]} -gt 0 ]; then
  say "Installing ${NEEDED[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages ${NEEDED[*]} and not running as root to install them." >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${NEEDED[@]}"; } >"$RESULTS/apt.log" 2>&1; then
    cat "$RESULTS/apt.log" >&2
    echo "Could not install ${NEEDED[*]}." >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  # Debian starts the packaged services; the tests run their own instances on free ports.
  service mariadb stop >/dev/null 2>&1 || true
  service redis-server stop >/dev/null 2>&1 || true
  service nginx stop >/dev/null 2>&1 || true
fi

# The web app's tools (Vite's PWA plugin, ESLint 10) need Node.js 20.19 or newer.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "Node.js $(node --version) is too old: the web app needs 20.19 or newer." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# --- Build -------------------------------------------------------------------------------------
say "Building (Release)"
if ! dotnet build MedPlatform.sln -c Release -nologo -clp:ErrorsOnly >"$RESULTS/build.log" 2>&1; then
  cat "$RESULTS/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

# The contract's linter (Redocly CLI, pinned in contract/package-lock.json) and the C# client's
# generator (Kiota, pinned in dotnet-tools.json), which the Api tests run; Lighthouse (pinned in
# tests/Lighthouse), which the browser tests run.
say "Installing the test tools"
if ! { npm ci --prefix contract --no-audit --no-fund --loglevel=error && npm ci --prefix tests/Lighthouse --no-audit --no-fund --loglevel=error \
       && dotnet tool restore; } >"$RESULTS/test-tools.log" 2>&1; then
  cat "$RESULTS/test-tools.log"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- Test suites -------------------------------------------------------------------------------
SUITES=(tests/Grains.Tests tests/Api.Tests tests/Cluster.Tests tests/Browser.Tests)
passed=0
failed=0

# The web app's lint (Prettier, tsc, ESLint with the React hooks rules; no warning allowed) counts as one check.
say "Linting the web app"
if (cd src/Web && npm run --silent lint) >"$RESULTS/web-lint.log" 2>&1; then
  echo "web lint: 1 passed, 0 failed"
  passed=$((passed + 1))
else
  cat "$RESULTS/web-lint.log"
  echo "web lint: 0 passed, 1 failed"
  failed=$((failed + 1))
fi
for suite in "${SUITES[@]}"; do
  name=$(basename "$suite")
  say "Testing $name"
  dotnet test "$suite" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" --blame-hang-timeout 10m 2>&1 | tee "$RESULTS/$name.log" \
    | grep -E "^\s+(Passed|Failed) |Error Message|^\s{3}[A-Za-z]|Passed!|Failed!|error" || true
  status=${PIPESTATUS[0]}
  trx="$RESULTS/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
    executed=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
    p=${p:-0}; f=${f:-0}
    # Tests that never ran (a crashed or hung test host) count as failures.
    f=$(( f + ${total:-0} - ${executed:-0} ))
  else
    p=0; f=0
  fi
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1   # the runner failed without reporting a failed test: count it
  fi
  echo "$name: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f))
done

if [ -f "$RESULTS/figures.txt" ]; then
  say "Figures reported by the tests"
  cat "$RESULTS/figures.txt"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
