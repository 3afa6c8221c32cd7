#!/usr/bin/env bash
# Installs the Python test tools from PyPI into a virtual environment, once:
# openapi-spec-validator (checks the OpenAPI document), Schemathesis (calls every operation
# with generated requests and checks the answers against the document), and pyotp (an
# independent TOTP implementation the two-factor stories make their codes with). Idempotent: a
# second run only checks that all are there.
#   GESTDESK_API_TOOLS   where the environment goes (default /var/tmp/gestdesk-api-tools)
set -euo pipefail
dir="${GESTDESK_API_TOOLS:-/var/tmp/gestdesk-api-tools}"
if [ -x "$dir/bin/st" ] && [ -x "$dir/bin/openapi-spec-validator" ] \
  && "$dir/bin/python" -c "import pyotp" 2>/dev/null; then
  exit 0
fi
rm -rf "$dir"
python3 -m venv "$dir"
"$dir/bin/pip" install --quiet --disable-pip-version-check \
  "schemathesis==4.32.5" "openapi-spec-validator==0.9.0" "pyotp==2.9.0"
echo "Python test tools installed in $dir"
