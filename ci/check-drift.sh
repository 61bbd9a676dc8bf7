#!/usr/bin/env bash
# Fails when what `npm test` just regenerated differs from what is committed, printing the
# difference: the pacts in generated-pacts/, and the provider-state catalog built from them
# (docs/provider-states*.md). A contract change is committed together with both.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
changes=$(git status --porcelain -- generated-pacts)
if [ -n "$changes" ]; then
  echo "[ci] generated-pacts/ differs from what is committed:" >&2
  echo "$changes" >&2
  git --no-pager diff --stat -- generated-pacts >&2
  git --no-pager diff -- generated-pacts >&2
  git ls-files --others --exclude-standard -- generated-pacts | sed 's/^/[ci] untracked pact: /' >&2
  echo "[ci] Run \`npm test\` and commit generated-pacts/ with the contract change." >&2
  status=1
else
  echo "[ci] generated-pacts/ is up to date."
fi

# The catalog must describe the pacts as they are now (committed or not): a stale one fails
# with the command that rewrites it.
if ! npx --no-install tsx ci/provider-states.ts --check; then
  status=1
fi
exit $status
