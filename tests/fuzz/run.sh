#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
#
# tests/fuzz/run.sh: run the libFuzzer targets and print one table.
#
#   run.sh check BUILD [NAME...]   fixed seed (FUZZ_SEED, default 1) and a
#                                  fixed number of runs per target, read
#                                  from tests/fuzz/budget: the same inputs
#                                  every time, so a failure reproduces
#   run.sh fuzz BUILD [NAME...]    random seeds (or FUZZ_SEED), FUZZ_SECONDS
#                                  per target; FUZZ_MERGE=1 merges what was
#                                  found into tests/fuzz/corpus/NAME/
#
# Every target runs on a scratch copy of its corpus under BUILD/fuzz/work/,
# FUZZ_JOBS at a time (default: the number of CPUs). The table gives per
# target the seed, the executions, the seconds, the corpus files before and
# after, the coverage (libFuzzer's edges "cov" and features "ft") and the
# findings, then a total line. A finding prints the target, the seed, the
# reproducer's path and the command that replays it; the exit status is 1.
set -euo pipefail

mode=${1:?usage: run.sh check|fuzz BUILD [NAME...]}
build=${2:?usage: run.sh check|fuzz BUILD [NAME...]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
corpora=$here/corpus
budget_file=$here/budget
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
seconds=${FUZZ_SECONDS:-60}

case $mode in
check | fuzz) ;;
*) echo "run.sh: mode is check or fuzz, not '$mode'" >&2; exit 2 ;;
esac

if [ $# -eq 0 ]; then
	for f in "$here"/fuzz_*.c; do
		n=${f##*/fuzz_}
		set -- "$@" "${n%.c}"
	done
fi

# The fixed budget of a target in check mode.
runs_of() {
	local r
	r=$(awk -v n="$1" '$1 == n { print $2 }' "$budget_file")
	if [ -z "$r" ]; then
		echo "run.sh: $1 has no line in $budget_file" >&2
		return 1
	fi
	echo "$r"
}

# One target: writes its log and a one-line result to $w/.
one() {
	local n=$1 w=$build/fuzz/work/$1 bin=$build/fuzz/fuzz_$1 seed args dict
	rm -rf "$w"
	mkdir -p "$w/corpus" "$w/artifacts"
	[ -d "$corpora/$n" ] && cp -R "$corpora/$n/." "$w/corpus/"
	args=(-artifact_prefix="$w/artifacts/" -print_final_stats=1)
	dict=$here/$n.dict
	[ -f "$dict" ] && args+=(-dict="$dict")
	if [ "$mode" = check ]; then
		seed=${FUZZ_SEED:-1}
		args+=(-seed="$seed" -runs="$(runs_of "$n")")
	else
		seed=${FUZZ_SEED:-0} # 0: libFuzzer picks one and prints it
		args+=(-seed="$seed" -max_total_time="$seconds")
	fi
	local before start end rc=0
	before=$(find "$w/corpus" -type f | wc -l)
	start=$(date +%s.%N)
	"$bin" "${args[@]}" "$w/corpus" >"$w/log" 2>&1 || rc=$?
	end=$(date +%s.%N)
	seed=$(sed -n 's/^INFO: Seed: \([0-9]*\).*/\1/p' "$w/log" | head -n 1)
	local execs cov ft after finding
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$w/log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$w/log" | tail -n 1 | cut -d' ' -f2)
	ft=$(grep -o 'ft: [0-9]*' "$w/log" | tail -n 1 | cut -d' ' -f2)
	after=$(find "$w/corpus" -type f | wc -l)
	finding=$(find "$w/artifacts" -type f | head -n 1)
	printf '%s %s %s %.1f %s %s %s %s %s %s\n' "$n" "${seed:-?}" "${execs:-0}" \
		"$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$before" "$after" "${cov:-0}" "${ft:-0}" \
		"$rc" "${finding:--}" >"$w/result"
}

export -f one runs_of
export mode build corpora budget_file seconds here

for n in "$@"; do
	if [ ! -x "$build/fuzz/fuzz_$n" ]; then
		echo "run.sh: $build/fuzz/fuzz_$n is not built" >&2
		exit 2
	fi
	[ "$mode" = check ] && runs_of "$n" >/dev/null
done

echo "fuzz ($mode): $# targets, $jobs at a time, $([ "$mode" = check ] &&
	echo "seed ${FUZZ_SEED:-1}, runs from ${budget_file#"$here/../../"}" ||
	echo "${seconds}s each")"
printf '%s\n' "$@" | xargs -P "$jobs" -I{} bash -c 'one "$1"' _ {}

status=0
printf '%-12s %10s %11s %8s %15s %7s %7s %9s\n' target seed executions seconds \
	"corpus files" cov ft findings
t_exec=0 t_sec=0 t_find=0
for n in "$@"; do
	w=$build/fuzz/work/$n
	read -r _ seed execs sec before after cov ft rc finding <"$w/result"
	found=0
	if [ "$rc" != 0 ] || [ "$finding" != - ]; then found=1; fi
	printf '%-12s %10s %11s %8s %7s -> %-5s %7s %7s %9s\n' "$n" "$seed" "$execs" \
		"$sec" "$before" "$after" "$cov" "$ft" "$found"
	t_exec=$((t_exec + execs))
	t_sec=$(awk -v a="$t_sec" -v b="$sec" 'BEGIN { printf "%.1f", a + b }')
	t_find=$((t_find + found))
done
printf '%-12s %10s %11s %8s %15s %7s %7s %9s\n' total - "$t_exec" "$t_sec" - - - "$t_find"

for n in "$@"; do
	w=$build/fuzz/work/$n
	read -r _ seed _ _ _ _ _ _ rc finding <"$w/result"
	if [ "$rc" != 0 ] || [ "$finding" != - ]; then
		status=1
		echo "FAIL: fuzz_$n, seed $seed (exit $rc)"
		echo "  reproducer: ${finding}"
		echo "  replay it:  $build/fuzz/fuzz_$n ${finding}"
		echo "  log:        $w/log"
		grep -E '^==[0-9]+==ERROR|^SUMMARY|deadly signal|runtime error' "$w/log" |
			head -n 5 | sed 's/^/  /'
	fi
done

if [ "$mode" = fuzz ] && [ "${FUZZ_MERGE:-0}" = 1 ] && [ $status -eq 0 ]; then
	for n in "$@"; do
		w=$build/fuzz/work/$n
		mkdir -p "$corpora/$n"
		"$build/fuzz/fuzz_$n" -merge=1 -artifact_prefix="$w/artifacts/" \
			"$corpora/$n" "$w/corpus" >"$w/merge.log" 2>&1
		echo "fuzz: merged new inputs of $n into tests/fuzz/corpus/$n"
	done
fi
exit $status
