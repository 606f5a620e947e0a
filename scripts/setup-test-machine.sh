#!/usr/bin/env bash
# Make sure the system packages the test suites need are present:
#   - Chromium (browser suite)      -> apt package `chromium`, and `chromium-headless-shell`, the
#                                      same build without the browser's interface, which the browser
#                                      tests use when present (half the CPU: docs/decisions/0017)
#   - PostgreSQL server binaries    -> apt package `postgresql` (integration suite)
#   - LibreOffice and poppler       -> apt packages `libreoffice-writer-nogui libreoffice-calc-nogui
#                                      poppler-utils` (the documents' integration tests open the
#                                      Word, Excel and PDF files with them)
# Installs them with apt-get only when they are missing AND we are root on a
# Debian-like system; otherwise prints exactly what to install. Never fails the
# caller: missing tools make the affected suite fail with its own clear message.
#
# Honours CHROMIUM_PATH, PG_BIN and GT_SKIP_POSTGRES=1 like the test helpers do.
set -u

log() { printf '[setup-test-machine] %s\n' "$*"; }

have_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    # An explicit path is the user's choice: report it, never "fix" it with apt.
    [ -x "$CHROMIUM_PATH" ] || log "WARNING: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable; the browser suite will fail."
    return 0
  fi
  [ -x /usr/bin/chromium ]
}

have_headless_shell() {
  [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium-headless-shell ]
}

have_postgres() {
  if [ -n "${PG_BIN:-}" ]; then
    { [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]; } ||
      log "WARNING: PG_BIN=$PG_BIN does not contain initdb and pg_ctl; the integration suite will fail."
    return 0
  fi
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && return 0
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

have_libreoffice() {
  command -v soffice >/dev/null 2>&1
}

have_poppler() {
  command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1
}

missing=()
have_chromium || missing+=(chromium)
have_libreoffice || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
have_poppler || missing+=(poppler-utils)
if [ "${GT_SKIP_POSTGRES:-}" != "1" ]; then
  have_postgres || missing+=(postgresql)
fi

# Optional: installed on its own below, so a Debian without the package still gets the rest.
optional=()
have_headless_shell || optional+=(chromium-headless-shell)

if [ "${#missing[@]}" -eq 0 ] && [ "${#optional[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "Missing system packages: ${missing[*]} ${optional[*]}"
  log "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]} ${optional[*]}"
  log "(or set CHROMIUM_PATH / PG_BIN to existing installations; GT_SKIP_POSTGRES=1 skips the PostgreSQL cluster)"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt_opts=(-y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
log "Installing missing system packages: ${missing[*]} ${optional[*]}"
if ! apt-get update -q -o DPkg::Lock::Timeout=600; then
  log "WARNING: apt-get update failed; the affected test suites will fail. Try: apt-get install -y ${missing[*]}"
  exit 0
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if ! apt-get install "${apt_opts[@]}" "${missing[@]}"; then
    log "WARNING: apt-get failed; the affected test suites will fail. Try: apt-get install -y ${missing[*]}"
    exit 0
  fi
  log "Installed: ${missing[*]}"
fi
if [ "${#optional[@]}" -gt 0 ]; then
  if apt-get install "${apt_opts[@]}" "${optional[@]}"; then
    log "Installed: ${optional[*]}"
  else
    log "Could not install ${optional[*]}: the browser tests use the full chromium (slower, same results)."
  fi
fi
exit 0
