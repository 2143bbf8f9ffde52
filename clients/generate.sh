#!/usr/bin/env bash
# Regenerates the C# client (clients/csharp/Generated) from contract/openapi.json, which the Api's
# build writes. Kiota is pinned in dotnet-tools.json. An argument writes elsewhere (the Api tests
# generate into a temporary folder to tell whether the committed client is stale).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-clients/csharp/Generated}
dotnet tool restore >/dev/null
KIOTA_TUTORIAL_ENABLED=false dotnet kiota generate --language CSharp --openapi contract/openapi.json \
  --class-name MedPlatformClient --namespace-name MedPlatform.Client --output "$OUT" \
  --exclude-backward-compatible --clean-output --log-level Warning
