#!/usr/bin/env bash
# Step `test`: regenerate the pacts from the contracts (the whole test suite) and fail when they
# differ from the committed ones. The same on a laptop and in CI:  bash ci/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[ci] test: npm test (runs every test and regenerates generated-pacts/)"
npm test
echo "[ci] test: drift check"
bash ci/check-drift.sh
