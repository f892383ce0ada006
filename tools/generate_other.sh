#!/usr/bin/env bash
# Generate clients in other languages from spec/*.yaml into build/other/<lang>/<api>/ (not committed).
#
#   tools/generate_other.sh                  list what is supported and verified
#   tools/generate_other.sh LANG [API...]    generate; API = qmk qmk-keyboards daskeyboard-q (default: all)
#   tools/generate_other.sh all [API...]     every verified language
#   tools/generate_other.sh --install        only install openapi-generator into build/other/.venv
#
# typescript: @hey-api/openapi-ts (pure JS, pinned in tools/node/package*.json, installed by tools/node.sh).
# Any other LANG is an openapi-generator generator name (go, java, typescript-fetch, ...), run by the
# PyPI openapi-generator-cli (requirements/other-lang.txt; the wheel bundles the jar, needs Java 17+)
# from its own venv build/other/.venv. The npm wrapper of openapi-generator downloads the jar at run
# time, which fails offline, so it is not used.
#
# Env: KBAPI_SPEC_DIR (default spec/), KBAPI_OTHER_OUT (default build/other), PYTHON (default python3).
# Each openapi-generator run keeps its full log in build/other/<lang>/<api>.log; the warnings are
# summarised on stdout.
set -euo pipefail
# `make generate-other LANG=go` also exports LANG=go, an invalid locale; without a UTF-8 locale
# Java 17 writes the generated files in ASCII (the specs contain non-ASCII characters).
export LC_ALL=C.UTF-8
export JAVA_OPTS="${JAVA_OPTS:--Dfile.encoding=UTF-8}"

root="$(cd "$(dirname "$0")/.." && pwd)"
spec_dir="${KBAPI_SPEC_DIR:-$root/spec}"
out_root="${KBAPI_OTHER_OUT:-$root/build/other}"
gen_venv="$root/build/other/.venv"
gen_reqs="$root/requirements/other-lang.txt"
all_apis=(qmk qmk-keyboards daskeyboard-q)
verified=(typescript go java typescript-fetch)

die() {
  echo "generate_other: $*" >&2
  exit 1
}

usage() {
  cat <<EOF
Usage: tools/generate_other.sh LANG [API...]      (make generate-other LANG=...)
  API: ${all_apis[*]} (default: all three); output: build/other/<lang>/<api>/

Verified (generated from all three specs with zero errors):
  typescript        @hey-api/openapi-ts 0.95.0 (Node); type-checked with tsc --strict and run
                    against the mocks by tests/other_lang/test_other_lang.py
  go                openapi-generator 7.26.0 (PyPI wheel, Java 17); built with Debian's Go 1.19 and run
                    against the mocks by tests/other_lang/test_go_java.py (tools/build_other.sh go)
  java              openapi-generator 7.26.0, library native; compiled with javac against Debian's
                    jars and run against the mocks (tools/build_other.sh java)
  typescript-fetch  openapi-generator 7.26.0, generation + tsc --strict --noEmit
  all               every language above
  --install         only install openapi-generator (build/other/.venv)

Any other openapi-generator name (python, rust, csharp, kotlin, ...) is passed through unverified;
list them with: build/other/.venv/bin/openapi-generator-cli list -s
EOF
}

# `make generate-other` without LANG= still passes make's LANG, which is the locale (C.UTF-8,
# en_US.UTF-8, POSIX). Generator names are lower-case words and dashes, so treat those as "no LANG".
is_locale() {
  [[ "$1" == C || "$1" == POSIX || "$1" =~ [A-Z._@] ]]
}

spec_path() {
  local file="$spec_dir/$1.yaml"
  [ -f "$file" ] || die "spec $file not found (known APIs: ${all_apis[*]})"
  echo "$file"
}

need() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed: $2"
}

gen_typescript() {
  local api="$1" spec out
  spec="$(spec_path "$api")"
  out="$out_root/typescript/$api"
  need node "install Node.js 20+ (apt-get install nodejs npm)"
  need npm "install npm (apt-get install npm)"
  rm -rf "$out"
  mkdir -p "$out"
  # tools/node.sh installs the pinned tools into build/node (npm ci) on first use.
  "$root/tools/node.sh" openapi-ts --input "$spec" --output "$out" --client @hey-api/client-fetch \
    --no-log-file --silent || die "openapi-ts failed for $spec"
  echo "typescript/$api: $(find "$out" -name '*.ts' | wc -l) files in ${out#"$root"/}"
}

ensure_generator() {
  need java "install a Java 17+ runtime (apt-get install openjdk-17-jre-headless)"
  local python="${PYTHON:-python3}" stamp="$gen_venv/other-lang.txt"
  if [ -x "$gen_venv/bin/openapi-generator-cli" ] && cmp -s "$gen_reqs" "$stamp"; then
    return
  fi
  need "$python" "set PYTHON to a Python 3.11 interpreter"
  rm -rf "$gen_venv"
  "$python" -m venv "$gen_venv" || die "could not create $gen_venv"
  "$gen_venv/bin/python" -m pip install -q --disable-pip-version-check -r "$gen_reqs" \
    || die "could not install $(grep -v '^#' "$gen_reqs") from PyPI into $gen_venv"
  cp "$gen_reqs" "$stamp"
}

# Java package / Go package / npm names per API; plain identifiers derived from the API name.
# Every generator also maps the schema `Error` to `ApiError`: `Error` is a built-in type in
# TypeScript (and java.lang.Error in Java), which typescript-fetch renames with a warning per use.
# skipFormModel=false: by default the models of form bodies (TokenRequestForm, SignalCreateForm)
# are skipped while typescript-fetch still imports them, so its output does not compile.
# Java: the `native` library (java.net.http + Jackson) is the one whose jars Debian packages;
# openApiNullable=false drops jackson-databind-nullable, supportUrlQuery=false the toUrlQueryString
# helpers (they do not compile for a property mapped to Object, below).
lang_props() {
  local lang="$1" api="$2" ident="${2//-/}"
  case "$lang" in
    go) echo "packageName=$ident,enumClassPrefix=true" ;;
    java) echo "library=native,openApiNullable=false,supportUrlQuery=false,useJakartaEe=true,groupId=kbapi,artifactId=kbapi-$api,invokerPackage=kbapi.$ident,apiPackage=kbapi.$ident.api,modelPackage=kbapi.$ident.model" ;;
    typescript-*) echo "npmName=kbapi-$api,supportsES6=true" ;;
    *) echo "packageName=kbapi_$ident" ;;
  esac
}

# `CompileResult.command` is `oneOf: [array of string, string]`. The Java generator writes
# `List<String>.class` for it (does not compile); the Go oneOf wrapper validates the array with
# gopkg.in/validator.v2, whose Debian snapshot (2016) rejects every non-struct value, so the
# array form never decodes. Both languages get the property as an untyped JSON value instead.
lang_mappings() {
  case "$1" in
    go) echo "--schema-mappings CompileResult_command=interface{} --type-mappings CompileResultCommand=interface{}" ;;
    java) echo "--schema-mappings CompileResult_command=java.lang.Object" ;;
  esac
}

# Java native registers jackson-datatype-jsr310 (JavaTimeModule) unconditionally and subclasses its
# InstantDeserializer with the 2.16+ constructor; Debian packages neither the module nor Jackson
# 2.16 (bookworm: 2.14). The specs use no `format: date`/`date-time`, so the module has nothing to
# do: ApiClient and JSON are generated from the pinned jar's own templates minus the lines that
# register it, and the two RFC3339 Java-time classes are not generated (.openapi-generator-ignore).
java_templates() {
  local dest="$out_root/java-templates" jar
  jar="$("$gen_venv/bin/python" -c 'import openapi_generator_cli as m, pathlib; print(pathlib.Path(m.__file__).parent / "openapi-generator.jar")')"
  rm -rf "$dest"
  mkdir -p "$dest/libraries/native"
  for name in ApiClient:4 JSON:2; do
    local file="Java/libraries/native/${name%%:*}.mustache" target="$dest/libraries/native/${name%%:*}.mustache"
    "$gen_venv/bin/python" -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' \
      "$jar" "$file" >"$target.orig"
    grep -v JavaTimeModule "$target.orig" >"$target"
    local removed=$(( $(wc -l <"$target.orig") - $(wc -l <"$target") ))
    rm "$target.orig"
    [ "$removed" -eq "${name##*:}" ] || die "$file: expected to drop ${name##*:} JavaTimeModule lines, dropped $removed (generator changed?)"
  done
  echo "$dest"
}

gen_openapi_generator() {
  local lang="$1" api="$2" spec out log status=0
  spec="$(spec_path "$api")"
  out="$out_root/$lang/$api"
  log="$out_root/$lang/$api.log"
  local extra=()
  read -r -a extra <<<"$(lang_mappings "$lang")"
  rm -rf "$out"
  mkdir -p "$out"
  if [ "$lang" = java ]; then
    extra+=(-t "$(java_templates)")
    printf '%s\n' '**/RFC3339InstantDeserializer.java' '**/RFC3339JavaTimeModule.java' >"$out/.openapi-generator-ignore"
  fi
  # A short run of one JVM: the C1 compiler alone costs 37 % less CPU (5.0 s -> 3.2 s, go qmk).
  JAVA_OPTS="${JAVA_OPTS:--XX:TieredStopAtLevel=1}" \
    "$gen_venv/bin/openapi-generator-cli" generate -g "$lang" -i "$spec" -o "$out" \
    --additional-properties "$(lang_props "$lang" "$api")" "${extra[@]}" \
    --model-name-mappings Error=ApiError --global-property skipFormModel=false \
    >"$log" 2>&1 || status=$?
  summarise "$lang/$api" "$log"
  [ "$status" -eq 0 ] || die "openapi-generator -g $lang failed on $spec (exit $status), log: $log"
}

# Print each distinct WARN/ERROR message once, with its count, without logger prefixes.
summarise() {
  local name="$1" log="$2" lines
  lines="$(grep -E '\b(WARN|ERROR)\b|^[[:space:]]*\| Error count|^-attribute|^Exception' "$log" \
    | sed -E 's/^\[[^]]*\] (WARN|ERROR) +[^ ]+ - /\1 /' | sort | uniq -c | sort -rn || true)"
  if [ -z "$lines" ]; then
    echo "$name: no warnings (log: ${log#"$root"/})"
  else
    echo "$name: warnings/errors (log: ${log#"$root"/}):"
    echo "$lines" | sed 's/^/  /'
  fi
}

generate() {
  local lang="$1"
  shift
  if [ "$lang" = typescript ]; then
    for api in "$@"; do gen_typescript "$api"; done
    return
  fi
  ensure_generator
  for api in "$@"; do gen_openapi_generator "$lang" "$api"; done
}

main() {
  local lang="${1:-}"
  if [ -z "$lang" ] || is_locale "$lang" || [ "$lang" = -h ] || [ "$lang" = --help ]; then
    usage
    return
  fi
  if [ "$lang" = --install ]; then
    ensure_generator
    echo "openapi-generator-cli $("$gen_venv/bin/openapi-generator-cli" version) in ${gen_venv#"$root"/}"
    return
  fi
  shift
  local apis=("$@")
  [ "${#apis[@]}" -gt 0 ] || apis=("${all_apis[@]}")
  if [ "$lang" = all ]; then
    for one in "${verified[@]}"; do generate "$one" "${apis[@]}"; done
  else
    generate "$lang" "${apis[@]}"
  fi
}

main "$@"
