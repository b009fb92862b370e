#!/usr/bin/env bash
# Runs every test Coproduce has, from a fresh clone. It installs what it needs first:
# the npm packages from package-lock.json, Debian's chromium for the browser tests,
# and in target/test-venv aiosmtpd (a real SMTP server) for the email tests and
# openapi-spec-validator and schemathesis for the API contract checks.
#
# Storage, API and page tests run on SQLite and on PostgreSQL. PostgreSQL is taken from
# COPRODUCE_TEST_POSTGRES (default postgres://postgres@127.0.0.1:5432/); each test
# makes and drops its own database. Without a reachable server a local run says so and
# runs SQLite only; under CI (CI set) it fails instead.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

if ! command -v chromium >/dev/null 2>&1; then
  step "Installing Debian's chromium for the browser tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

step "Installing npm packages from the lockfile"
npm ci --no-audit --no-fund --loglevel=error

step "Installing the test SMTP server and the API contract tools (tests/smtp, tests/api requirements)"
if [ ! -x target/test-venv/bin/python ] \
  || ! target/test-venv/bin/python -c 'import aiosmtpd, icalendar, openapi_spec_validator, schemathesis' 2>/dev/null; then
  mkdir -p target
  python3 -m venv target/test-venv
  target/test-venv/bin/pip install --quiet --disable-pip-version-check \
    -r tests/smtp/requirements.txt -r tests/api/requirements.txt
fi
export COPRODUCE_TEST_PYTHON="$PWD/target/test-venv/bin/python"

export COPRODUCE_TEST_POSTGRES="${COPRODUCE_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/}"
pg_hostport=$(printf '%s' "$COPRODUCE_TEST_POSTGRES" | sed -E 's#^[a-z]+://([^@/]*@)?([^/?]*).*#\2#')
pg_host=${pg_hostport%:*}
pg_port=${pg_hostport##*:}
[ "$pg_port" = "$pg_hostport" ] && pg_port=5432
if (exec 3<>"/dev/tcp/${pg_host}/${pg_port}") 2>/dev/null; then
  echo "PostgreSQL: ${pg_host}:${pg_port} answers; every storage test runs on SQLite and PostgreSQL."
elif [ -n "${CI:-}" ]; then
  echo "PostgreSQL is not reachable at ${pg_host}:${pg_port}, and CI must run the PostgreSQL tests." >&2
  exit 1
else
  echo "PostgreSQL is not reachable at ${pg_host}:${pg_port}: running the storage tests on SQLite only."
  unset COPRODUCE_TEST_POSTGRES
fi

step "Checking formatting"
cargo fmt --all -- --check

step "Linting (clippy, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests: domain, store, API, pages, CLI"
cargo test --workspace --locked

step "API contract: the OpenAPI document passes an OpenAPI 3.1 validator"
cargo build --locked --quiet
target/debug/coproduce openapi > target/openapi.json
target/test-venv/bin/openapi-spec-validator target/openapi.json

step "API contract: schemathesis, every check over every operation of the demo server"
target/test-venv/bin/python tests/api/contract.py --max-examples 5

step "Browser tests: axe-core, 320 px, keyboard, in Debian's chromium"
node --test tests/browser/
