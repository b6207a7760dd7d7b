#!/usr/bin/env bash
# End-to-end stamping on a running demo (embedded default or PostgreSQL): signs in as the demo's stamping account,
# uploads N unsealed CFDIs on "Timbrar CFDI" one after another, then waits until Mis timbres counts them all as
# stamped (the job executor seals nothing more here: it stamps at the built-in test PAC, makes the PDF and emails both).
# Prints the upload rate (the page's work: checks, seal, store, start) and the end-to-end rate (upload → stamped, PDF,
# email). Usage: bench/stamping-end-to-end.sh [base-url] [N]   (the demo account has 100 stamps: N ≤ 100)
set -euo pipefail
BASE=${1:-http://localhost:8080}
N=${2:-90}
HERE=$(cd "$(dirname "$0")/.." && pwd)
JAR=$(mktemp -d)
trap 'rm -rf "$JAR"' EXIT
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
used() { curl -s -b "$JAR/c" "$BASE/stamps" | grep -o '[0-9]* usados\|1 usado\|ninguno usado' | head -1 | grep -o '^[0-9]*' || echo 0; }
token=$(curl -s -c "$JAR/c" -b "$JAR/c" "$BASE/login" | csrf)
curl -s -c "$JAR/c" -b "$JAR/c" -o /dev/null -d "username=proveedor@kemper.example&password=proveedor&_csrf=$token" \
    "$BASE/login"
# the unsealed template of the tests (TestCfdis.unsealedInvoice), written out once
python3 - "$HERE/src/test/java/mx/supplierportal/cfdi/TestCfdis.java" "$JAR/unsealed.xml" <<'PY'
import re, sys
source = open(sys.argv[1]).read()
body = re.search(r'static String invoice\(\) \{\s*return """(.*?)""";', source, re.S).group(1).replace('\\\n', '')
xml = '\n'.join(line.strip() for line in body.split('\n')).strip() + '\n'
for attribute in (' Serie="T" Folio="1"', ' Fecha="2025-03-10T10:00:00"', ' NoCertificado="@NUMBER@" Certificado="@CERT@"',
                  ' Sello=""'):
    xml = xml.replace(attribute, '')
open(sys.argv[2], 'w').write(xml)
PY
token=$(curl -s -b "$JAR/c" "$BASE/stamps/new" | csrf)
before=$(used)
start=$(date +%s.%N)
for i in $(seq 1 "$N"); do
  code=$(curl -s -b "$JAR/c" -o /dev/null -w '%{http_code}' -F "_csrf=$token" -F serie=A \
      -F "xml=@$JAR/unsealed.xml;type=application/xml" "$BASE/stamps/new")
  [ "$code" = 302 ] || { echo "upload $i answered $code (out of stamps?)"; exit 1; }
done
uploaded=$(date +%s.%N)
until [ "$(used)" -ge $((before + N)) ]; do sleep 0.2; done
done_at=$(date +%s.%N)
python3 -c "
n=$N; s=$start; u=$uploaded; d=$done_at
print(f'{n} uploads in {u-s:.1f} s: {n/(u-s):.1f} uploads/s (checks, seal, store, start)')
print(f'{n} stamped (PDF, email) {d-s:.1f} s after the first upload: {n/(d-s):.1f} stamps/s end to end')"
