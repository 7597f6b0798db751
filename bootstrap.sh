#!/usr/bin/env bash
# Set up orderloop on a fresh Debian machine, then run the demo or the tests.
#   bash bootstrap.sh demo   install everything, run `orderloop demo`
#   bash bootstrap.sh test   install everything, run the whole test suite
# Installs: Debian packages (Python venv, Dovecot for the IMAP tests, a CJK
# font and the Pango libraries WeasyPrint needs, poppler-utils to read PDFs,
# Chromium for the test that reads the Prefect UI as ops see it, PostgreSQL for
# the store's and the Prefect server's tests, which start throwaway clusters)
# and the Python packages into .venv. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")"

DEBIAN_PACKAGES=(python3-venv python3-pip dovecot-imapd dovecot-lmtpd fonts-noto-cjk
                 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils chromium
                 postgresql)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_debian_packages() {
  local missing=()
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "bootstrap: installing ${missing[*]}"
  as_root apt-get update -qq
  # policy-rc.d on build images keeps dovecot from starting; the tests start their own.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_python_packages() {
  local python=${PYTHON:-python3}
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  if [ ! -f .venv/.installed ] \
      || [ pyproject.toml -nt .venv/.installed ]; then
    .venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
    touch .venv/.installed
  fi
}

install_debian_packages
install_python_packages
export PATH="$PWD/.venv/bin:$PATH"

case "${1:-}" in
  demo) shift; exec orderloop demo "$@" ;;
  test) shift; exec python -m pytest "$@" ;;
  *) echo "usage: bash bootstrap.sh demo|test" >&2; exit 2 ;;
esac
