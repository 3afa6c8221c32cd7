#!/usr/bin/env bash
# Installs the API's conformance tools from PyPI into a virtual environment, once:
# openapi-spec-validator (checks the OpenAPI document) and Schemathesis (calls every operation
# with generated requests and checks the answers against the document). Idempotent: a second
# run only checks that both are there.
#   GESTDESK_API_TOOLS   where the environment goes (default /var/tmp/gestdesk-api-tools)
set -euo pipefail
dir="${GESTDESK_API_TOOLS:-/var/tmp/gestdesk-api-tools}"
if [ -x "$dir/bin/st" ] && [ -x "$dir/bin/openapi-spec-validator" ]; then
  exit 0
fi
rm -rf "$dir"
python3 -m venv "$dir"
"$dir/bin/pip" install --quiet --disable-pip-version-check \
  "schemathesis==4.32.5" "openapi-spec-validator==0.9.0"
echo "API conformance tools installed in $dir"
