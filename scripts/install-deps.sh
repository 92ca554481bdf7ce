#!/usr/bin/env bash
# Installs Sightline's build and test dependencies from Debian 12 packages.
# Re-runnable: packages already present are skipped. Needs root or sudo.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git
  # engine and formats
  libboost-graph-dev libhowardhinnant-date-dev tzdata libyaml-cpp-dev
  libzip-dev libpugixml-dev libxlsxwriter-dev
  zipcmp zipmerge ziptool  # Debian 12's libzip CMake config refers to these tools and fails without them
  # viewer
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri libstb-dev fonts-dejavu-core
  # tests
  libgtest-dev xvfb xauth
  # fuzzing (scripts/fuzz.sh: clang's libFuzzer and sanitizers)
  clang libclang-rt-14-dev lld
  # benchmarks (bench/compare.sh: what a reviewer would use instead, and peak memory)
  python3-pandas sqlite3 time
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "sightline: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "sightline: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
