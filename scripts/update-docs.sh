#!/usr/bin/env bash
# Regenerates the parts of docs/ that are produced by the program itself (tests check they are current).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/dev/cli/sightline}
{
  echo "# Rules: the analysis thresholds"
  echo
  echo "Every threshold is named, has a default with its reason, and can be overridden per case under"
  echo "\`rules:\` in case.yaml (e.g. \`rules: {unseen_days_infant: 14}\`). \`sightline rules CASE\` shows the"
  echo "values in force for a case. This table is produced by \`sightline rules --format md\`; a test keeps"
  echo "it current (\`scripts/update-docs.sh\` regenerates it)."
  echo
  "$bin" rules --format md
} > docs/rules.md.tmp && mv docs/rules.md.tmp docs/rules.md
