#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# tests/examples/check.sh: the examples as a user runs them (make
# check-examples). Each check says what it does before it runs; the first
# one that fails stops the script with status 1.
#
#   sh tests/examples/check.sh BUILD_DIR
#
# BUILD_DIR holds the examples (BUILD_DIR/examples/) and the tshark
# interop helper (BUILD_DIR/interop/diam_interop). Everything is written
# to BUILD_DIR/check/examples/, where the asn1c and Erlang oracles of
# make check read the CDRs (*.der) afterwards.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: sh $0 BUILD_DIR" >&2
	exit 2
fi
b=$1
d=$b/check/examples
x=$b/examples

# demo_cdrs, cdr2json and json2cdr: round trips, truncated and foreign
# records, an unknown member.
check_cdrs() {
	echo "demo_cdrs --out $d"
	$x/demo_cdrs --out $d >$d/demo.log
	cat $d/h3.der $d/h4.der >$d/both.der

	echo "cdr2json | json2cdr round trip (one object per line)"
	$x/cdr2json $d/h3.der $d/h4.der >$d/both.jsonl
	test "$(wc -l <$d/both.jsonl)" -eq 2
	$x/json2cdr $d/both.jsonl $d/both-rt.der
	cmp $d/both.der $d/both-rt.der
	$x/cdr2json $d/both-rt.der | cmp - $d/both.jsonl

	echo "cdr2json --pretty | json2cdr round trip (one pretty object)"
	$x/cdr2json --pretty $d/h3.der >$d/h3.json
	$x/json2cdr $d/h3.json $d/h3-rt.der
	cmp $d/h3.der $d/h3-rt.der

	echo "cdr2json on a file truncated in its 2nd record must fail with a message"
	head -c $(($(wc -c <$d/h3.der) + 40)) $d/both.der >$d/truncated.bin
	if $x/cdr2json $d/truncated.bin >$d/truncated.jsonl 2>$d/truncated.err; then
		echo "FAIL: cdr2json accepted a truncated record"
		exit 1
	fi
	cat $d/truncated.err
	grep -q '^cdr2json: .*truncated.bin: record 2 at byte [0-9]*: .* (.*)$' \
		$d/truncated.err
	head -n 1 $d/both.jsonl | cmp - $d/truncated.jsonl

	echo "cdr2json | json2cdr on a stream with other IMSRecord types between ours"
	{
		cat $d/h3.der
		printf '\277\077\003\200\001\077'
		printf '\277\105\200\200\001\105\000\000'
		cat $d/h4.der
	} >$d/mixed.bin
	$x/cdr2json $d/mixed.bin >$d/mixed.jsonl
	test "$(wc -l <$d/mixed.jsonl)" -eq 4
	sed -n 2p $d/mixed.jsonl |
		grep -qx '{"otherRecord":{"tag":63,"name":"sCSCFRecord","ber":"bf3f0380013f"}}'
	sed -n 3p $d/mixed.jsonl |
		grep -qx '{"otherRecord":{"tag":69,"name":"aSRecord","ber":"bf45808001450000"}}'
	$x/json2cdr $d/mixed.jsonl $d/mixed-rt.bin
	cmp $d/mixed.bin $d/mixed-rt.bin

	echo "json2cdr on an unknown member must fail with its path"
	echo '{"pCSCFRecord":{"recordType":64,"noSuchField":1}}' >$d/bad.json
	if $x/json2cdr $d/bad.json $d/bad.der 2>$d/bad.err; then
		echo "FAIL: json2cdr accepted an unknown member"
		exit 1
	fi
	cat $d/bad.err
	grep -q 'noSuchField' $d/bad.err
	test ! -e $d/bad.der
	rm -f $d/truncated.bin
}

# webrtc_call: every scenario meets its expectations, the built-in one is
# demo.json, an unknown member is refused with its path and line.
check_webrtc_call() {
	echo "webrtc_call on every examples/scenarios/*.json (their expectations)"
	for f in examples/scenarios/*.json; do
		echo "  $f"
		$x/webrtc_call --quiet --out $d/wc/$(basename $f .json) $f
	done

	echo "webrtc_call's built-in scenario is demo.json"
	$x/webrtc_call --out $d/wc/built-in >$d/wc/built-in.log
	for f in $d/wc/built-in/*.diam; do
		cmp $f $d/wc/demo/${f##*/}
	done

	echo "webrtc_call on an unknown member must fail with its path and line"
	sed 's/"ack": {/"ack": {"sdpx": 1, /' examples/scenarios/demo.json >$d/wc/bad.json
	if $x/webrtc_call --out $d/wc/bad $d/wc/bad.json >/dev/null 2>$d/wc/bad.err; then
		echo "FAIL: webrtc_call accepted an unknown member"
		exit 1
	fi
	cat $d/wc/bad.err
	grep -q '^webrtc_call: .*bad.json:[0-9]*:[0-9]*: steps\[[0-9]*\]\.ack\.sdpx: ' $d/wc/bad.err
}

# acr2cdr on the demo's ACRs: a CDR file cdr2json reads, one ACA per ACR,
# each CDR on its own for the oracles; a cut CDR file is refused.
check_acr2cdr() {
	echo "acr2cdr on the demo's ACRs: a CDR file cdr2json reads, an ACA per ACR"
	$x/webrtc_call --quiet --out $d/acr examples/scenarios/demo.json
	$x/acr2cdr --aca $d/aca $d/acr.cdrfile $d/acr/ >$d/acr2cdr.log
	cat $d/acr2cdr.log
	n=$(sed -n 's/^[0-9]* ACRs (.*), \([0-9]*\) CDRs .*/\1/p' $d/acr2cdr.log)
	test "$n" -gt 0
	$x/cdr2json $d/acr.cdrfile >$d/acr.jsonl
	test "$(grep -c '^{"pCSCFRecord":' $d/acr.jsonl)" -eq "$n"
	test "$(wc -l <$d/acr.jsonl)" -eq "$n"
	for f in $d/acr/*.diam; do
		base=${f##*/}
		test -s $d/aca/${base%.diam}.aca.diam
	done
	test "$(ls $d/aca | wc -l)" -eq "$(ls $d/acr/*.diam | wc -l)"

	echo "  its $n CDRs to $d/acr2cdr_N.der for the asn1c and Erlang oracles"
	# a CDR file (TS 32.297 §6): the file header's length at byte 4, each
	# CDR after a 5-byte CDR header whose first two bytes are its length
	off=$(od -An -tu4 --endian=big -j4 -N4 $d/acr.cdrfile | tr -d ' ')
	i=1
	while [ $i -le $n ]; do
		l=$(od -An -tu2 --endian=big -j$off -N2 $d/acr.cdrfile | tr -d ' ')
		tail -c +$((off + 6)) $d/acr.cdrfile | head -c $l >$d/acr2cdr_$i.der
		$x/cdr2json $d/acr2cdr_$i.der >$d/acr2cdr_$i.json
		sed -n "${i}p" $d/acr.jsonl | cmp - $d/acr2cdr_$i.json
		off=$((off + 5 + l))
		i=$((i + 1))
	done
	test "$off" -eq "$(wc -c <$d/acr.cdrfile)"

	echo "cdr2json on a CDR file cut at 1000 bytes must name the file's problem"
	head -c 1000 $d/acr.cdrfile >$d/cut.cdrfile
	printf '\000\000\003\350' | dd of=$d/cut.cdrfile conv=notrunc 2>/dev/null
	if $x/cdr2json $d/cut.cdrfile >/dev/null 2>$d/cut.err; then
		echo "FAIL: cdr2json accepted a cut CDR file"
		exit 1
	fi
	cat $d/cut.err
	grep -q '^cdr2json: .*cut.cdrfile: CDR file, byte [0-9]*: CDRFile/cdr\[[0-9]*\]' $d/cut.err
}

# avpdump on the sample ACR and CCR, and on three damaged ACRs.
check_avpdump() {
	echo "avpdump --check on the sample ACR and CCR (44 AVPs, names, enums)"
	$b/interop/diam_interop write $d
	$x/avpdump --check $d/sample_acr.diam $d/sample_ccr.diam >$d/diam.json
	$x/avpdump --compact $d/sample_acr.diam >$d/acr.jsonl
	test "$(grep -o '"code":' $d/acr.jsonl | wc -l)" -eq 44
	grep -q '"command":"Accounting-Request"' $d/acr.jsonl
	grep -q '"enum":"START_RECORD"' $d/acr.jsonl
	grep -q '"name":"WebRTC-Authentication-Function-Name","code":657,"vendor":10415,"flags":"V--"' \
		$d/acr.jsonl
	grep -q '"value":"198.51.100.23"' $d/acr.jsonl
	grep -q '"value":"2026-11-24T09:00:04Z","ntp":4004499604' $d/acr.jsonl

	echo "avpdump on an ACR whose Session-Id length runs past the end must fail"
	cp $d/sample_acr.diam $d/broken.diam
	printf '\377\377\377' | dd of=$d/broken.diam bs=1 seek=25 conv=notrunc 2>/dev/null
	for opt in --check --compact; do
		if $x/avpdump $opt $d/broken.diam >$d/broken.json 2>$d/broken.err; then
			echo "FAIL: avpdump $opt accepted a broken ACR"
			exit 1
		fi
		cat $d/broken.err
		test ! -s $d/broken.json
		grep -q '^avpdump: .*broken.diam: offset 20: Session-Id: .* (Result-Code 5014)$' \
			$d/broken.err
	done

	echo "avpdump --check on an ACR without Session-Id (AVP 1 in its place) must fail"
	cp $d/sample_acr.diam $d/nosid.diam
	printf '\000\001' | dd of=$d/nosid.diam bs=1 seek=22 conv=notrunc 2>/dev/null
	$x/avpdump $d/nosid.diam >/dev/null
	if $x/avpdump --check $d/nosid.diam >/dev/null 2>$d/nosid.err; then
		echo "FAIL: avpdump --check accepted an ACR without Session-Id"
		exit 1
	fi
	cat $d/nosid.err
	grep -q '(Result-Code 50[0-9][0-9])$' $d/nosid.err

	echo "avpdump on an ACR with Origin-Host's M bit clear: --check warns and exits 0, --strict fails"
	$x/avpdump --strict $d/sample_acr.diam $d/sample_ccr.diam >/dev/null
	cp $d/sample_acr.diam $d/mclear.diam
	printf '\000' | dd of=$d/mclear.diam bs=1 seek=76 conv=notrunc 2>/dev/null
	$x/avpdump --check --compact $d/mclear.diam >$d/mclear.json 2>$d/mclear.err
	cat $d/mclear.err
	test "$(wc -l <$d/mclear.err)" -eq 1
	grep -q '^avpdump: .*mclear.diam: warning: offset 72: Origin-Host: M bit clear; the rule of Origin-Host is M must (Result-Code 3009)$' \
		$d/mclear.err
	grep -q '"name":"Origin-Host","code":264,"vendor":0,"flags":"---"' $d/mclear.json
	if $x/avpdump --strict $d/mclear.diam >$d/mclear.json 2>$d/mclear.err; then
		echo "FAIL: avpdump --strict accepted Origin-Host with the M bit clear"
		exit 1
	fi
	cat $d/mclear.err
	test ! -s $d/mclear.json
	grep -q '^avpdump: .*mclear.diam: offset 72: Origin-Host: .* (Result-Code 3009)$' $d/mclear.err
}

rm -rf $d
mkdir -p $d
check_cdrs
check_webrtc_call
check_acr2cdr
check_avpdump
