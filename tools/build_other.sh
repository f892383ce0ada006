#!/usr/bin/env bash
# Build the other-language smoke programs offline against Debian's packages, into build/other/smoke/<lang>/.
#
#   tools/build_other.sh go          Go clients (openapi-generator) + tests/other_lang/go -> smoke/go/smoke
#   tools/build_other.sh java        Java clients (openapi-generator, native) + tests/other_lang/java -> smoke/java/classes
#   tools/build_other.sh typescript  the npm package (tools/npm) packed with `npm pack`, installed from the tarball
#                                    into smoke/typescript/ and the smoke programs compiled there
#
# The generator output in build/other/smoke/<lang>/generated is never edited: Go builds a copy of it in GOPATH
# mode (Debian's Go libraries are GOPATH sources under /usr/share/gocode), Java compiles it as it is. A build
# whose inputs (specs, scripts, smoke sources, pins) did not change since the last one is skipped (stamp file);
# the Go build cache lives in build/other/go-cache. Prints one line with what it did and how long it took.
set -euo pipefail
export LC_ALL=C.UTF-8

root="$(cd "$(dirname "$0")/.." && pwd)"
apis=(qmk qmk-keyboards daskeyboard-q)
# Debian's jars (libjackson2-*-java, libjsr305-java, libjakarta-annotation-api-java): all the native library needs.
java_jars=(jackson-databind jackson-core jackson-annotations jsr305 jakarta-annotation-api)
java_jar_dir="${KBAPI_JAVA_JARS:-/usr/share/java}"
debian_gopath="${KBAPI_DEBIAN_GOPATH:-/usr/share/gocode}"

die() {
  echo "build_other: $*" >&2
  exit 1
}

# One hash over every input of a language's build; equal hash = nothing to rebuild.
inputs_hash() {
  local lang="$1"
  {
    cat "$root"/spec/{qmk,qmk-keyboards,daskeyboard-q}.yaml "$root/requirements/other-lang.txt"
    cat "$root/tools/generate_other.sh" "$0"
    find "$root/tests/other_lang/$2" "$root/tools/npm" "$root/tools/node" -type f 2>/dev/null | sort | xargs cat
    echo "$lang"
  } | sha256sum | cut -d' ' -f1
}

generate() {
  local lang="$1" gen_out="$2"
  rm -rf "$gen_out"
  KBAPI_OTHER_OUT="$gen_out" "$root/tools/generate_other.sh" "$lang" "${apis[@]}" >"$gen_out.log" 2>&1 \
    || { cat "$gen_out.log" >&2; die "generation of $lang failed"; }
}

# go in GOPATH mode, offline: the build copy first, then Debian's sources; no module proxy.
gopath_go() {
  local gopath="$1"
  shift
  (cd "$gopath/src" && GO111MODULE=off GOPATH="$gopath:$debian_gopath" GOFLAGS= GOPROXY=off CGO_ENABLED=0 \
    GOCACHE="$root/build/other/go-cache" go "$@")
}

build_go() {
  local dir="$1" gopath="$1/gopath" api
  command -v go >/dev/null || die "go is not installed (apt-get install golang-go golang-gopkg-validator.v2-dev golang-golang-x-oauth2-dev)"
  generate go "$dir/generated"
  rm -rf "$gopath"
  for api in "${apis[@]}"; do
    # The build copy: the package's .go files under GOPATH; go.mod (Go 1.23, module proxy) is left out.
    mkdir -p "$gopath/src/kbapi/${api//-/}"
    cp "$dir/generated/go/$api"/*.go "$gopath/src/kbapi/${api//-/}/"
  done
  mkdir -p "$gopath/src/kbapismoke"
  cp "$root/tests/other_lang/go"/*.go "$gopath/src/kbapismoke/"
  # The three client packages (qmk-keyboards too, which no smoke program imports), then the smoke program.
  gopath_go "$gopath" build kbapi/qmk kbapi/qmkkeyboards kbapi/daskeyboardq || die "go build of the clients failed"
  gopath_go "$gopath" build -o "$dir/smoke" kbapismoke || die "go build of the smoke program failed"
}

java_classpath() {
  local jar path=()
  for jar in "${java_jars[@]}"; do
    [ -f "$java_jar_dir/$jar.jar" ] || die "$java_jar_dir/$jar.jar is missing (apt-get install libjackson2-databind-java libjsr305-java libjakarta-annotation-api-java)"
    path+=("$java_jar_dir/$jar.jar")
  done
  (IFS=:; echo "${path[*]}")
}

build_java() {
  local dir="$1" classpath
  command -v javac >/dev/null || die "javac is not installed (apt-get install openjdk-17-jdk-headless)"
  classpath="$(java_classpath)"
  generate java "$dir/generated"
  rm -rf "$dir/classes"
  mkdir -p "$dir/classes"
  find "$dir/generated/java"/*/src/main/java "$root/tests/other_lang/java" -name '*.java' >"$dir/sources.txt"
  javac -nowarn -encoding UTF-8 -d "$dir/classes" -cp "$classpath" @"$dir/sources.txt" || die "javac failed"
  echo "$dir/classes:$classpath" >"$dir/classpath.txt"
}

build_typescript() {
  local dir="$1" pkg="$1/package" tarball
  command -v npm >/dev/null || die "npm is not installed"
  generate typescript "$dir/generated"
  rm -rf "$pkg" "$dir/app"
  mkdir -p "$pkg/src" "$dir/app"
  cp "$root/tools/npm/package.json" "$root/tools/npm/README.md" "$root/tools/npm/tsconfig.json" "$pkg/"
  cp -r "$dir/generated/typescript"/* "$pkg/src/"
  "$root/tools/node.sh" tsc -p "$pkg/tsconfig.json" || die "tsc failed on the npm package"
  tarball="$(cd "$pkg" && npm pack --silent --pack-destination "$dir")" || die "npm pack failed"
  # The smoke programs are a separate project that installs the package from its tarball only.
  cp "$root/tests/other_lang/ts"/*.ts "$root/tests/other_lang/ts/tsconfig.json" "$dir/app/"
  echo '{"name": "kbapi-clients-smoke", "private": true}' >"$dir/app/package.json"
  (cd "$dir/app" && npm install --offline --no-audit --no-fund --loglevel=error "../$tarball" >/dev/null) \
    || die "npm install of $tarball failed"
  "$root/tools/node.sh" tsc -p "$dir/app/tsconfig.json" || die "tsc --strict failed on the smoke programs"
  echo "$dir/$tarball" >"$dir/tarball.txt"
}

main() {
  local lang="${1:-}" sources dir hash start
  case "$lang" in
    go) sources=go ;;
    java) sources=java ;;
    typescript) sources=ts ;;
    *) die "usage: tools/build_other.sh go|java|typescript" ;;
  esac
  dir="$root/build/other/smoke/$lang"
  hash="$(inputs_hash "$lang" "$sources")"
  if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$hash" ]; then
    echo "$lang: up to date in ${dir#"$root"/}"
    return
  fi
  start=$SECONDS
  rm -f "$dir/stamp"
  mkdir -p "$dir"
  "build_$lang" "$dir"
  echo "$hash" >"$dir/stamp"
  echo "$lang: built in ${dir#"$root"/} in $((SECONDS - start)) s"
}

main "$@"
