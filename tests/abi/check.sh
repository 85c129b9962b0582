#!/bin/sh
# tests/abi/check.sh: the symbol tables of the built libraries.
#
# Usage: sh tests/abi/check.sh SHARED_LIB STATIC_LIB INCLUDE_DIR
#
# - The shared library has SONAME libwebrtc_chg.so.<major>, exports only
#   wchg_* symbols (plus the version node WCHG_0), every one of them at
#   version WCHG_0, and exactly the functions the public headers declare
#   with WCHG_API.
# - The static library defines no asn1c runtime symbol (a program may link
#   another asn1c-generated codec next to us) and no global symbol other
#   than the wchg_* API.
#
# SPDX-License-Identifier: BSD-2-Clause
set -u

so=$1
ar=$2
inc=$3
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bad() {
	echo "FAIL: $*"
	fail=1
}

# --- the API the headers declare
# (declarations start a line with WCHG_API and name the function before
# the first parenthesis)
grep -h '^WCHG_API' "$inc"/*.h |
	sed -n 's/^[^(]*[ *]\(wchg_[A-Za-z0-9_]*\)(.*/\1/p' |
	sort -u >"$tmp/declared"
[ -s "$tmp/declared" ] || bad "no WCHG_API declaration found in $inc"

# --- shared library
soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
case $soname in
libwebrtc_chg.so.[0-9]*) ;;
*) bad "$so: SONAME is '$soname', want libwebrtc_chg.so.<major>" ;;
esac

# Lines look like "000000000000a1b0 T wchg_version@@WCHG_0" and
# "0000000000000000 A WCHG_0".
nm -D --defined-only "$so" | awk '{ print $NF }' >"$tmp/dyn"
while read -r sym; do
	name=${sym%%@*}
	ver=${sym#"$name"}
	case $name in
	WCHG_0) ;;
	wchg_*)
		echo "$name" >>"$tmp/exported"
		case $ver in
		@@WCHG_0 | @WCHG_0) ;;
		*) bad "$so: $name has version '${ver#@}', want WCHG_0" ;;
		esac
		;;
	*) bad "$so exports $sym" ;;
	esac
done <"$tmp/dyn"
touch "$tmp/exported"
sort -u "$tmp/exported" -o "$tmp/exported"
for s in $(comm -23 "$tmp/declared" "$tmp/exported"); do
	bad "$so does not export $s (declared WCHG_API)"
done
for s in $(comm -13 "$tmp/declared" "$tmp/exported"); do
	bad "$so exports $s, which no public header declares"
done
nexp=$(wc -l <"$tmp/exported")

# --- static library
asn1c_re='^(asn_|ber_|der_|xer_|per_|uper_|OCTET_STRING_|INTEGER_|NativeInteger_|NativeEnumerated_|BOOLEAN_|NULL_|SEQUENCE_|SET_|CHOICE_|GraphicString|UTF8String|IA5String|OBJECT_IDENTIFIER|ANY_|BIT_STRING_|ENUMERATED_)'
nm -g --defined-only "$ar" 2>/dev/null | awk 'NF >= 3 { print $NF }' |
	sort -u >"$tmp/static"
[ -s "$tmp/static" ] || bad "$ar defines no global symbol"
for s in $(grep -E "$asn1c_re" "$tmp/static"); do
	bad "$ar defines the asn1c runtime symbol $s"
done
for s in $(grep -v '^wchg_' "$tmp/static"); do
	bad "$ar defines the global symbol $s (not wchg_*)"
done
for s in $(comm -13 "$tmp/declared" "$tmp/static"); do
	bad "$ar defines $s globally, which no public header declares"
done

if [ $fail -eq 0 ]; then
	echo "abi: $so ($soname) exports $nexp wchg_* functions at WCHG_0," \
		"as declared; $ar defines no asn1c or helper symbol"
fi
exit $fail
