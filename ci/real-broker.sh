#!/usr/bin/env bash
# Runs the broker contract and every ci/ step against a real Pact Broker: the open-source
# pact_broker kept beside this repository (../shared/pact-broker, or PACT_BROKER_DIR), started on
# a free port of 127.0.0.1 with SQLite and basic auth, and stopped again whatever happens.
#
#   bash ci/real-broker.sh                     (npm run ci:real-broker; .ci/run runs it)
#   bash ci/real-broker.sh --broker-url URL    a broker that already runs (the GitHub workflow's
#                                              pactfoundation/pact-broker service), with basic
#                                              auth and the users below; nothing is started
#
# 1. start the broker (start.sh apt-installs its Debian packages on a fresh machine: ~30 s)
# 2. pact verifier: the broker contract, provider states set up through the broker's API
# 3. every ci/ step as a user runs it, its output and the broker's data checked
# 4. the pact verifier commands of docs/provider-verification.md, as written
set -euo pipefail
cd "$(dirname "$0")/.."

start_broker() {
  local dir BROKER_DIR=''
  for dir in "${PACT_BROKER_DIR:-}" ../shared/pact-broker ../../shared/pact-broker; do
    if [ -n "$dir" ] && [ -f "$dir/start.sh" ]; then BROKER_DIR="$(cd "$dir" && pwd)"; break; fi
  done
  if [ -z "$BROKER_DIR" ]; then
    echo "[ci] Failed to find the Pact Broker: no ../shared/pact-broker/start.sh beside this repository. Set PACT_BROKER_DIR to the folder that holds start.sh, or pass --broker-url." >&2
    exit 1
  fi
  WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ci-pact-broker.XXXXXX")"
  # Global, so the EXIT trap still sees them after this function returns.
  STOP_SCRIPT="$BROKER_DIR/stop.sh"
  trap 'bash "$STOP_SCRIPT" --work-dir "$WORK_DIR" || true; rm -rf "$WORK_DIR"' EXIT

  local port line started=$SECONDS
  port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  # The users of the broker contract (BROKER_USERS in vocabulary/pact-broker/logins.ts): the
  # verifier replays requests logged in as them. Exported for start.sh only.
  # apt-get on a fresh machine (start.sh installs what is missing), then the broker's own start.
  line="$(PACT_BROKER_BASIC_AUTH_ENABLED=true \
    PACT_BROKER_BASIC_AUTH_USERNAME=ci PACT_BROKER_BASIC_AUTH_PASSWORD=ci-secret \
    PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME=reader PACT_BROKER_BASIC_AUTH_READ_ONLY_PASSWORD=reader-secret \
    timeout 600 bash "$BROKER_DIR/start.sh" --port "$port" --work-dir "$WORK_DIR" --timeout 120)"
  export "${line?}"
  echo "[ci] real broker: $PACT_BROKER_BASE_URL up in $((SECONDS - started)) s"
}

if [ "${1:-}" = --broker-url ]; then
  export PACT_BROKER_BASE_URL="${2:?--broker-url needs a URL}"
else
  start_broker
fi

step_started=$SECONDS
timeout 300 npx --no-install tsx ci/broker-contract/verify.ts
echo "[ci] broker contract verified in $((SECONDS - step_started)) s"

step_started=$SECONDS
timeout 600 npx --no-install tsx ci/broker-contract/steps.ts
echo "[ci] ci/ steps against the real broker in $((SECONDS - step_started)) s"

step_started=$SECONDS
timeout 300 npx --no-install tsx ci/broker-contract/docs-commands.ts
echo "[ci] docs/provider-verification.md commands in $((SECONDS - step_started)) s"
