#!/usr/bin/env bash
# Installs the Debian 12 packages Sightline needs for what you are about to do:
#
#   scripts/install-deps.sh [GROUP...]        (default: build viewer test)
#
#   build    compiler, CMake, Ninja and the libraries of the engine, the formats and the CLI
#            (stb and DejaVu Sans draw the pictures in PNG)
#   viewer   the viewer's libraries (the release and dev presets build the viewer)
#   test     GoogleTest, Xvfb for the viewer's screenshot tests, and LibreOffice, pdftoppm and
#            Chromium, which the document tests render the Word and HTML documents with
#   fuzz     clang's libFuzzer and sanitizers (scripts/fuzz.sh)
#   bench    what the benchmarks compare against, and peak memory (bench/compare.sh, bench/pairs.sh):
#            pandas, sqlite3 and time from Debian; and DuckDB's Node.js client, the version in
#            bench/duckdb/package-lock.json, from the npm registry into bench/duckdb/node_modules
#            (with the machine's Node.js 20 or later and npm; no root needed for that part)
#   docs     tools that render documents, for checks done by hand (LibreOffice, pdftotext,
#            python3-docx for the scripts that regenerate Word fixtures)
#   all      every group
#
# Re-runnable: packages already installed are skipped. Installing needs root: it uses sudo when
# not run as root, and without sudo prints the command to run as root. apt's output goes to a
# log file, and one line says what is happening and how it ended.
# Exit status: 0 installed (or nothing to do), 1 apt failed, 2 cannot install (not root), 64 bad usage.
set -euo pipefail

group_packages() {
  case $1 in
    build)
      echo g++ cmake ninja-build pkg-config git \
        libboost-graph-dev libhowardhinnant-date-dev tzdata libyaml-cpp-dev \
        libzip-dev libpugixml-dev libxlsxwriter-dev libssl-dev libstb-dev fonts-dejavu-core \
        zipcmp zipmerge ziptool  # Debian 12's libzip CMake config refers to these tools and fails without them
      ;;
    viewer) echo libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri libstb-dev fonts-dejavu-core ;;
    test) echo libgtest-dev xvfb xauth libreoffice-writer-nogui poppler-utils chromium ;;
    fuzz) echo clang libclang-rt-14-dev lld ;;
    bench) echo python3-pandas sqlite3 time ;;
    docs) echo libreoffice-writer-nogui poppler-utils python3-docx ;;
    *) return 1 ;;
  esac
}
all_groups=(build viewer test fuzz bench docs)

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

# The bench group's npm package: `npm ci` from bench/duckdb/package-lock.json, once.
install_bench_npm() {
  local dir log start
  dir=$(cd "$(dirname "$0")/../bench/duckdb" && pwd)
  if [ -f "$dir/node_modules/@duckdb/node-api/package.json" ]; then
    echo "sightline: DuckDB's Node.js client is installed (bench/duckdb/node_modules)"
    return 0
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "sightline: bench/compare.sh's DuckDB peer needs Node.js 20 or later and npm; install them, then run ${SIGHTLINE_AGAIN:-$0} again" >&2
    return 2
  fi
  log=$(mktemp "${TMPDIR:-/tmp}/sightline-install-deps.XXXXXX.log")
  echo -n "sightline: installing DuckDB's Node.js client into bench/duckdb/node_modules (log: $log) ... "
  start=$SECONDS
  if (cd "$dir" && npm ci --no-audit --no-fund) >"$log" 2>&1; then
    echo "done in $((SECONDS - start)) s"
  else
    {
      echo "failed after $((SECONDS - start)) s; the end of its log:"
      tail -n 30 "$log"
    } >&2
    return 1
  fi
}

groups=()
for arg in "$@"; do
  case $arg in
    -h | --help) usage; exit 0 ;;
    all) groups+=("${all_groups[@]}") ;;
    *)
      if ! group_packages "$arg" >/dev/null; then
        echo "install-deps.sh: unknown group '$arg'; expected one of ${all_groups[*]} or all" >&2
        exit 64
      fi
      groups+=("$arg")
      ;;
  esac
done
if [ ${#groups[@]} -eq 0 ]; then groups=(build viewer test); fi

packages=()
for g in "${groups[@]}"; do
  # shellcheck disable=SC2207  # the names have no spaces
  packages+=($(group_packages "$g"))
done
what="${groups[*]}"
what=${what// /, }

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "sightline: this script installs Debian 12 packages, and this system has no apt; install the" >&2
  echo "equivalents of: ${packages[*]}" >&2
  exit 2
fi

# One query for all: the packages whose status is not "install ok installed".
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null |
  awk '$2 == "install" && $3 == "ok" && $4 == "installed" { print $1 }' || true)
missing=()
for p in "${packages[@]}"; do
  if ! grep -qxF "$p" <<<"$installed"; then missing+=("$p"); fi
done

wants_bench=false
for g in "${groups[@]}"; do [ "$g" = bench ] && wants_bench=true; done
# After the Debian packages (a step that fails ends the script), the bench group's npm package.
finish() {
  if $wants_bench; then install_bench_npm || exit $?; fi
  exit 0
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "sightline: the ${#packages[@]} packages for $what are installed"
  finish
fi

apt_install="apt-get install -y --no-install-recommends ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null || ! sudo -v; then
    {
      if [ ${#missing[@]} -eq 1 ]; then
        echo "sightline: 1 Debian package is missing (for $what):"
      else
        echo "sightline: ${#missing[@]} Debian packages are missing (for $what):"
      fi
      echo "  ${missing[*]}" | fold -s -w 100 | sed '2,$s/^/  /'
      if command -v sudo >/dev/null; then
        echo "Installing packages needs root, and sudo did not let you in. Run this as root, or ask an administrator to:"
      else
        echo "Installing packages needs root, and sudo is not installed. Run this as root, or ask an administrator to:"
      fi
      echo "  su -c 'apt-get update && $apt_install'"
      echo "then run ${SIGHTLINE_AGAIN:-$0${*:+ $*}} again."
    } >&2
    exit 2
  fi
  sudo=(sudo)
fi

log=$(mktemp "${TMPDIR:-/tmp}/sightline-install-deps.XXXXXX.log")
if [ ${#missing[@]} -eq 1 ]; then n="1 package"; else n="${#missing[@]} packages"; fi
echo -n "sightline: installing $n for $what (log: $log) ... "
start=$SECONDS
# Waits for another apt (unattended upgrades, on a fresh machine) rather than failing on its lock.
if { "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update &&
     "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 \
       install -y --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  echo "done in $((SECONDS - start)) s"
  finish
else
  status=$?
  {
    echo "failed (exit $status) after $((SECONDS - start)) s; the end of its log:"
    tail -n 30 "$log"
    echo "sightline: installing packages failed; the whole log is $log"
  } >&2
  exit 1
fi
