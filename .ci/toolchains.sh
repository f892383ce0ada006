#!/usr/bin/env bash
# Install, from Debian's packages, what the other-language smoke tests (tests/other_lang) build with:
# Go 1.19 and golang.org/x/oauth2 (GOPATH sources), a JDK, and the jars of openapi-generator's Java
# `native` library. Node.js and npm only when node is missing. Prints what it installed, or why not.
set -euo pipefail
packages=(
  golang-go golang-golang-x-oauth2-dev
  openjdk-17-jdk-headless
  libjackson2-databind-java libjackson2-core-java libjackson2-annotations-java libjsr305-java
  libjakarta-annotation-api-java
)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "toolchains: all present (${packages[*]})"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "toolchains: not root or no apt-get, not installing: ${missing[*]} (their smoke tests will skip)" >&2
  exit 1
fi
start=$SECONDS
# Another apt run (an engineer's, or the docs step above) may hold the dpkg lock for a while.
apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
echo "toolchains: installed ${missing[*]} in $((SECONDS - start)) s"
