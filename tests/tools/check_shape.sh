#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# check_shape.sh: the length of the functions of one tree, in the house
# style (tests/tools/funclen.awk counts them).
#
#   sh tests/tools/check_shape.sh NAME FILE...
#
# Fails when a function is over MAX lines (default 60: it no longer fits
# on a screen) or when the 90th percentile is over P90 (default 30),
# naming the functions over the bound. NAME labels the output.
set -u

MAX=${MAX:-60}
P90=${P90:-30}
here=$(dirname "$0")
if [ $# -lt 2 ]; then
	echo "usage: sh $0 NAME FILE..." >&2
	exit 2
fi
name=$1
shift

list=$(awk -f "$here/funclen.awk" -v list=1 "$@") || exit 1
summary=$(printf '%s\n' "$list" | tail -n 1)
p90=$(printf '%s\n' "$summary" | sed -n 's/.* p90 \([0-9]*\) .*/\1/p')
max=$(printf '%s\n' "$summary" | sed -n 's/.* max \([0-9]*\) .*/\1/p')
echo "$name: $summary"
fail=0
if [ "${max:-0}" -gt "$MAX" ]; then
	echo "FAIL: $name: functions over $MAX lines:"
	printf '%s\n' "$list" | sed '$d' | awk -v m="$MAX" '$1 > m { print "  " $0 }'
	fail=1
fi
if [ "${p90:-0}" -gt "$P90" ]; then
	echo "FAIL: $name: p90 $p90 over $P90; the functions of $((P90 + 1)) to $MAX lines:"
	printf '%s\n' "$list" | sed '$d' | awk -v m="$P90" -v x="$MAX" '$1 > m && $1 <= x { print "  " $0 }'
	fail=1
fi
exit $fail
