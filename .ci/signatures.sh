#!/usr/bin/env bash
# The signed PDFs checked by two verifiers written elsewhere (issue 13 item 2): poppler's pdfsig
# (Debian poppler-utils) and pyHanko (pinned below, in .venv-pyhanko, built once and reused while
# the pins are unchanged). Makes a throw-away key with keytool (its password only in the
# environment, never on a command line), runs the monthly job on data-samples/ for one month with
# --sign-keystore, then requires for every PDF of the month:
#   - pdfsig: "Signature is Valid." and signer CN = the test certificate's;
#   - pyhanko sign validate --trust <cert> exits 0 (INTACT:TRUSTED);
#   - the manifest's signer and cert_sha256 = the certificate's CN and SHA-256 (openssl);
# and for a copy with one byte changed inside the signed range: pdfsig "Digest Mismatch", pyHanko
# exit code non-zero. Finally a report run without a keystore must say that its PDFs are unsigned.
#
#   .ci/signatures.sh              (needs Java 17, Maven, Python 3.11, pdfsig, openssl)
#   PYHANKO_VENV=/path .ci/signatures.sh   reuse one venv across clones
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

PYHANKO_VERSION=0.38.0
PYHANKO_CLI_VERSION=0.6.0
MONTH=2025-09
ALIAS=seal
SIGNER="华信人力资源服务有限公司"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
venv="${PYHANKO_VENV:-$root/.venv-pyhanko}"

fail() { echo "signatures.sh: FAILED: $*" >&2; exit 1; }
for tool in pdfsig keytool openssl; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed (pdfsig: Debian package poppler-utils)"
done

pins="pyhanko=$PYHANKO_VERSION pyhanko-cli=$PYHANKO_CLI_VERSION python=$("$PYTHON" -V 2>&1)"
if [ ! -f "$venv/.pins" ] || [ "$(cat "$venv/.pins")" != "$pins" ]; then
  echo "signatures.sh: installing pyHanko $PYHANKO_VERSION + pyhanko-cli $PYHANKO_CLI_VERSION into $venv"
  rm -rf "$venv"
  "$PYTHON" -m venv "$venv"
  "$venv/bin/pip" install -q "pyhanko==$PYHANKO_VERSION" "pyhanko-cli==$PYHANKO_CLI_VERSION"
  echo "$pins" > "$venv/.pins"
fi
pyhanko() { "$venv/bin/pyhanko" "$@" 2>/dev/null; }   # stderr: only its OS-trust-store deprecation warning

work="$(mktemp -d -t signatures.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# 1. A test key made now; the password lives only in this process's environment.
QUALITY_SIGN_PASSWORD="$(openssl rand -hex 24)"
export QUALITY_SIGN_PASSWORD
keytool -J-Dfile.encoding=UTF-8 -genkeypair -alias "$ALIAS" -keyalg RSA -keysize 2048 -sigalg SHA256withRSA \
  -dname "CN=$SIGNER,O=$SIGNER,C=CN" -validity 2 -storetype PKCS12 -keystore "$work/company.p12" \
  -storepass:env QUALITY_SIGN_PASSWORD >/dev/null 2>&1 || fail "keytool could not make the test key"
keytool -exportcert -rfc -alias "$ALIAS" -keystore "$work/company.p12" -storepass:env QUALITY_SIGN_PASSWORD \
  > "$work/cert.pem" 2>/dev/null
fingerprint="$(openssl x509 -in "$work/cert.pem" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f')"
echo "signatures.sh: test certificate CN=$SIGNER, SHA-256 $fingerprint"

# 2. The monthly job on the samples, signing.
./quality run --landing data-samples --lake "$work/lake" --out "$work/out" --month "$MONTH" \
  --sign-keystore "$work/company.p12" --sign-alias "$ALIAS" > "$work/run.log" 2>&1 \
  || { tail -40 "$work/run.log"; fail "quality run --sign-keystore failed"; }
grep -q "signing every PDF as \"$SIGNER\" (certificate SHA-256 $fingerprint)" "$work/run.log" \
  || { grep "report" "$work/run.log"; fail "the run did not say who signs"; }
grep -q "$QUALITY_SIGN_PASSWORD" "$work/run.log" && fail "the run printed the keystore password"

dir="$work/out/$MONTH"
shopt -s nullglob
pdfs=("$dir"/*.pdf)
[ "${#pdfs[@]}" -ge 2 ] || fail "expected client PDFs and the overview in $dir, found ${#pdfs[@]}"

# 3. Every PDF valid for both verifiers; the manifest names signer and fingerprint.
for pdf in "${pdfs[@]}"; do
  name="$(basename "$pdf")"
  out="$(pdfsig "$pdf" 2>&1 || true)"
  grep -q "Signature Validation: Signature is Valid." <<<"$out" || { echo "$out"; fail "pdfsig: $name not valid"; }
  grep -q "Signer Certificate Common Name: $SIGNER" <<<"$out" || { echo "$out"; fail "pdfsig: $name signer"; }
  grep -q "Signature Type: ETSI.CAdES.detached" <<<"$out" || { echo "$out"; fail "pdfsig: $name is not PAdES"; }
  grep -q "Total document signed" <<<"$out" || { echo "$out"; fail "pdfsig: $name not signed to the end"; }
  verdict="$(pyhanko sign validate --trust-replace --trust "$work/cert.pem" "$pdf")" \
    || fail "pyHanko: $name not valid: $verdict"
  grep -q ":INTACT:TRUSTED" <<<"$verdict" || fail "pyHanko: $name: $verdict"
  line="$(grep -F ",$name," "$dir/manifest.csv")" || fail "$name missing from manifest.csv"
  [ "$(cut -d, -f7 <<<"$line")" = "$SIGNER" ] || fail "manifest signer of $name: $line"
  [ "$(cut -d, -f8 <<<"$line")" = "$fingerprint" ] || fail "manifest cert_sha256 of $name: $line"
  [ "$(cut -d, -f4 <<<"$line")" = "$(sha256sum "$pdf" | cut -c1-64)" ] || fail "manifest sha256 of $name"
done
echo "signatures.sh: ${#pdfs[@]} signed PDFs valid for pdfsig and pyHanko; manifest signer and fingerprint match"

# 4. One byte changed inside the signed range (the binary comment on line 2 of the first
# revision, so the file still parses): both verifiers must reject it.
for pdf in "$dir/_overview.pdf" "${pdfs[0]}"; do
  tampered="$work/tampered-$(basename "$pdf")"
  "$PYTHON" - "$pdf" "$tampered" <<'EOF'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[10] ^= 0x01
open(sys.argv[2], "wb").write(data)
EOF
  out="$(pdfsig "$tampered" 2>&1 || true)"
  grep -q "Digest Mismatch" <<<"$out" || { echo "$out"; fail "pdfsig accepted a tampered $(basename "$pdf")"; }
  if verdict="$(pyhanko sign validate --trust-replace --trust "$work/cert.pem" "$tampered")"; then
    fail "pyHanko accepted a tampered $(basename "$pdf"): $verdict"
  fi
done
echo "signatures.sh: tampered copies rejected (pdfsig: Digest Mismatch; pyHanko: exit non-zero)"

# 5. Without a keystore the PDFs are unsigned and the run says so.
unset QUALITY_SIGN_PASSWORD
./quality report --lake "$work/lake" --month "$MONTH" --out "$work/unsigned" > "$work/unsigned.log" 2>&1 \
  || { tail -40 "$work/unsigned.log"; fail "quality report without a keystore failed"; }
grep -q "PDFs are NOT signed" "$work/unsigned.log" || fail "an unsigned run did not say so"
out="$(pdfsig "$work/unsigned/$MONTH/_overview.pdf" 2>&1 || true)"
grep -q "does not contain any signatures" <<<"$out" || { echo "$out"; fail "unsigned overview has a signature"; }
echo "signatures.sh: passed"
