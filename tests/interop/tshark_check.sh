#!/bin/sh
# tests/interop/tshark_check.sh: dissect every Diameter message we produce
# with tshark (Wireshark's dissector, written independently of us).
#
# Usage: sh tests/interop/tshark_check.sh HELPER WORKDIR [DIR...]
#
#   HELPER   the built tests/interop/diam_interop.c
#   WORKDIR  scratch directory (emptied): messages, pcaps, dissections
#   DIR      more directories whose *.diam files are checked too (the unit
#            tests write the messages they build to $WCHG_TEST_OUT)
#
# For each message (the samples HELPER writes, then DIR/*.diam):
# - wrap it in a pcap: SCTP, port 3868 both ways, PPID 46 (text2pcap -S);
# - dissect it (tshark -V, kept as WORKDIR/NAME.txt) and FAIL on a
#   malformed mark or any expert info of severity Note or above, unless
#   its exact "Severity/Group: message" text is in tshark_allow.txt (the
#   known gaps of tshark 4.0's dictionary, each with its reason);
# - FAIL unless tshark sees the same AVP tree as our reader: the codes,
#   flags and lengths of every AVP in tree order, and the message length;
# - FAIL unless each named field of tshark_expect.txt for this message has
#   the value given there.
#
# tshark or text2pcap missing: "SKIP" and exit 0, or exit 1 when CI=true.
# Exit status 0 when every message passed, 1 otherwise.
#
# SPDX-License-Identifier: BSD-2-Clause
set -u

here=$(cd "$(dirname "$0")" && pwd)
allow=$here/tshark_allow.txt
expect=$here/tshark_expect.txt
TSHARK=${TSHARK:-tshark}
TEXT2PCAP=${TEXT2PCAP:-text2pcap}

if [ $# -lt 2 ]; then
	echo "usage: $0 HELPER WORKDIR [DIR...]" >&2
	exit 2
fi
helper=$1
work=$2
shift 2

for t in "$TSHARK" "$TEXT2PCAP"; do
	command -v "$t" >/dev/null 2>&1 && continue
	if [ "${CI:-}" = true ]; then
		echo "FAIL: $t not installed (CI=true)"
		exit 1
	fi
	echo "SKIP: $t not installed"
	exit 0
done

# Fixed output whatever the machine: UTC times, no name resolution, no
# user preferences.
TZ=UTC
LC_ALL=C
export TZ LC_ALL
tshark_run() {
	"$TSHARK" -n -o diameter.sctp.ports:3868 "$@" \
	    2>"$work/tshark.err"
}

rm -rf "$work"
mkdir -p "$work/msgs" || exit 1
"$helper" write "$work/msgs" || exit 1

fail=0
count=0
checks=0
allowed=0
fields=0
tab=$(printf '\t')

bad() {
	echo "FAIL: $name: $*"
	fail=1
}

# Expert infos of severity Note and above in a -V dissection, as
# "Severity/Group: message", one per line.
experts() {
	sed -n 's/^ *\[Expert Info (\(Note\|Warning\|Error\)\/\([^)]*\)): \(.*\)\]$/\1\/\2: \3/p' "$1"
}

# Is "$1" (Severity/Group: message) in the allow-list?
is_allowed() {
	grep -v '^#' "$allow" | grep -Fxq -- "$1"
}

check_one() {
	file=$1
	name=$2
	base=$work/$name
	count=$((count + 1))

	if ! od -Ax -tx1 -v "$file" >"$base.hex" ||
	    ! "$TEXT2PCAP" -q -S 3868,3868,46 "$base.hex" "$base.pcap" \
	    2>"$work/text2pcap.err"; then
		bad "text2pcap failed: $(cat "$work/text2pcap.err")"
		return
	fi
	if ! tshark_run -r "$base.pcap" -V >"$base.txt"; then
		bad "tshark failed: $(cat "$work/tshark.err")"
		return
	fi

	# One pass for every field: columns 1-6 fixed, then the named fields
	# of tshark_expect.txt for this message.
	grep -v '^#' "$expect" | awk -F "$tab" -v n="$name" '$1 == n' >"$base.expect"
	set -- -e _ws.malformed -e _ws.expert.severity -e diameter.length \
	    -e diameter.avp.code -e diameter.avp.flags -e diameter.avp.len
	while IFS="$tab" read -r _ field _; do
		set -- "$@" -e "$field"
	done <"$base.expect"
	if ! tshark_run -r "$base.pcap" -T fields -E occurrence=a -E aggregator='|' \
	    "$@" >"$base.fields"; then
		bad "tshark failed: $(cat "$work/tshark.err")"
		return
	fi

	# 1. no malformed mark, no expert info of severity Note or above
	checks=$((checks + 1))
	[ -z "$(cut -f1 "$base.fields")" ] ||
	    bad "tshark marks the packet malformed (see $base.txt)"
	n_sev=$(cut -f2 "$base.fields" | tr '|' '\n' |
	    awk '$1 != "" && $1 + 0 >= 4194304 { n++ } END { print n + 0 }')
	experts "$base.txt" >"$base.experts"
	n_txt=$(wc -l <"$base.experts")
	[ "$n_sev" -eq "$n_txt" ] ||
	    bad "tshark counts $n_sev expert infos >= Note, the dissection shows $n_txt"
	while IFS= read -r e; do
		if is_allowed "$e"; then
			echo "allowed ($name): $e"
			allowed=$((allowed + 1))
		else
			bad "expert info: $e"
		fi
	done <"$base.experts"

	# 2. the same AVP tree as our reader, and the whole message
	checks=$((checks + 1))
	size=$(wc -c <"$file" | tr -d ' ')
	len=$(cut -f3 "$base.fields")
	[ "$len" = "$size" ] || bad "tshark reads length '$len', the message has $size octets"
	checks=$((checks + 1))
	ours=$("$helper" list "$file") || { bad "our reader refuses it"; return; }
	theirs=$(cut -f4-6 "$base.fields")
	if [ "$ours" != "$theirs" ]; then
		bad "AVP codes/flags/lengths differ"
		echo "  ours:   $ours"
		echo "  tshark: $theirs"
	fi

	# 3. named fields
	col=7
	while IFS="$tab" read -r _ field want; do
		got=$(cut -f$col "$base.fields")
		col=$((col + 1))
		fields=$((fields + 1))
		[ "$got" = "$want" ] || bad "$field is '$got', expected '$want'"
	done <"$base.expect"
}

for f in "$work"/msgs/*.diam; do
	check_one "$f" "$(basename "$f" .diam)"
done
for d in "$@"; do
	for f in "$d"/*.diam; do
		[ -e "$f" ] || continue
		n=$(basename "$f" .diam)
		# a unit test may reuse a sample's name: keep both
		[ ! -e "$work/$n.pcap" ] || n=$n~$count
		check_one "$f" "$n"
	done
done

# every message named in tshark_expect.txt must have been seen
grep -v '^#' "$expect" | cut -f1 | sort -u >"$work/expected-names"
while IFS= read -r n; do
	[ -e "$work/$n.pcap" ] || { name=$n; bad "no such message was produced"; }
done <"$work/expected-names"

echo "tshark: $count messages, $checks structure checks, $fields named fields," \
    "$allowed allowed expert infos ($("$TSHARK" --version 2>/dev/null | head -n 1))"
if [ $fail -ne 0 ]; then
	echo "tshark: FAILED (dissections in $work/)"
	exit 1
fi
exit 0
