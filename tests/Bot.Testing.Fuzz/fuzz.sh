#!/usr/bin/env bash
# Coverage-guided fuzzing of one reader with AFL++ and SharpFuzz, starting from the checked-in seeds.
#   tests/Bot.Testing.Fuzz/fuzz.sh FORMAT SECONDS [FINDINGS_DIR]     FORMAT: csv json jsonl txt md html pdf
# Exits 1 when AFL saved a crash (the inputs are in FINDINGS_DIR/default/crashes), 0 otherwise.
# Needs afl-fuzz (apt-get install afl++) and the sharpfuzz tool (dotnet tool restore).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
format="$1"; seconds="$2"
findings="${3:-$root/TestResults/fuzz/$format}"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT

dotnet build -c Release "$here/Bot.Testing.Fuzz.csproj" -o "$build" -v q -nologo >/dev/null
(cd "$root" && dotnet tool restore >/dev/null)
# Instrument the readers and the parsers they call for this format, so AFL sees their branches.
assemblies=(Bot.Core.dll)
if [ "$format" = html ]; then assemblies+=(AngleSharp.dll SmartReader.dll); fi
if [ "$format" = pdf ]; then
  for pdfpig in "$build"/UglyToad.PdfPig*.dll; do assemblies+=("$(basename "$pdfpig")"); done
fi
for assembly in "${assemblies[@]}"; do
  (cd "$root" && dotnet sharpfuzz "$build/$assembly" >/dev/null)
done

rm -rf "$findings"; mkdir -p "$findings"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -i "$here/corpus/$format" -o "$findings" -V "$seconds" -t 10000 -m none -- dotnet "$build/Bot.Testing.Fuzz.dll" ".$format" >"$findings/afl.log" 2>&1 || true
stats="$findings/default/fuzzer_stats"
[ -f "$stats" ] || { echo "afl-fuzz did not run: $(tail -5 "$findings/afl.log")" >&2; exit 2; }
grep -E '^(execs_done|corpus_count|bitmap_cvg|saved_crashes|saved_hangs)' "$stats"
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' | wc -l)
[ "$crashes" -eq 0 ] || { echo "$crashes crashing inputs in $findings/default/crashes" >&2; exit 1; }
