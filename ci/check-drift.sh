#!/usr/bin/env bash
# Fails when the pacts that `npm test` just regenerated differ from the committed ones, printing
# the difference. A contract change must be committed together with its regenerated pact.
set -euo pipefail
cd "$(dirname "$0")/.."

changes=$(git status --porcelain -- generated-pacts)
if [ -n "$changes" ]; then
  echo "[ci] generated-pacts/ differs from what is committed:" >&2
  echo "$changes" >&2
  git --no-pager diff --stat -- generated-pacts >&2
  git --no-pager diff -- generated-pacts >&2
  git ls-files --others --exclude-standard -- generated-pacts | sed 's/^/[ci] untracked pact: /' >&2
  echo "[ci] Run \`npm test\` and commit generated-pacts/ with the contract change." >&2
  exit 1
fi
echo "[ci] generated-pacts/ is up to date."
