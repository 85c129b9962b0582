#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# tests/abi/headers.sh: the public headers compile as a user includes
# them, without Jansson.
#
#   sh tests/abi/headers.sh CC INCLUDE_DIR WORK_DIR [JANSSON_CFLAGS]
#
# - A program that includes <webrtc_chg/webrtc_chg.h> compiles with no
#   Jansson header to be found: a <jansson.h> that stops the compiler
#   (#error) stands first on the include path, and the program's
#   dependencies (cc -M) name no jansson.h;
# - every public header compiles on its own the same way, except
#   <webrtc_chg/cdr_json.h>, the JSON header, which compiles with
#   Jansson's flags and must fail without them (which shows that the
#   stand-in <jansson.h> catches an include of Jansson).
set -u

if [ $# -lt 3 ]; then
	echo "usage: sh $0 CC INCLUDE_DIR WORK_DIR [JANSSON_CFLAGS]" >&2
	exit 2
fi
cc=$1
inc=$2
work=$3/headers
jflags=${4:-}
flags="-std=c11 -Wall -Wextra -Werror"
fail=0

bad() {
	echo "FAIL: $*"
	fail=1
}

rm -rf "$work"
mkdir -p "$work/nojansson"
echo '#error "<jansson.h> included: the public headers must not need Jansson"' \
	>"$work/nojansson/jansson.h"

# compile_with HEADER FLAGS...: a program that includes HEADER and uses
# the library's version, compiled with FLAGS; its messages in $work/log.
compile_with() {
	h=$1
	shift
	printf '#include <%s>\n#include <webrtc_chg/common.h>\nint main(void) { return wchg_version()[0] == 0; }\n' \
		"$h" >"$work/prog.c"
	# shellcheck disable=SC2086 # the flags are words
	$cc $flags "$@" -I"$inc" -c "$work/prog.c" -o "$work/prog.o" >"$work/log" 2>&1
}

if ! compile_with webrtc_chg/webrtc_chg.h -I"$work/nojansson"; then
	cat "$work/log"
	bad "<webrtc_chg/webrtc_chg.h> needs Jansson"
fi
# shellcheck disable=SC2086
if $cc $flags -I"$work/nojansson" -I"$inc" -M "$work/prog.c" 2>/dev/null | grep -q 'jansson\.h'; then
	bad "<webrtc_chg/webrtc_chg.h> includes a jansson.h"
fi

n=0
for f in "$inc"/webrtc_chg/*.h; do
	h=webrtc_chg/${f##*/}
	n=$((n + 1))
	if [ "$h" = webrtc_chg/cdr_json.h ]; then
		# shellcheck disable=SC2086
		compile_with "$h" $jflags || { cat "$work/log"; bad "<$h> does not compile with Jansson"; }
		compile_with "$h" -I"$work/nojansson" && bad "<$h> compiles without Jansson: the stand-in <jansson.h> was not seen"
		continue
	fi
	compile_with "$h" -I"$work/nojansson" || { cat "$work/log"; bad "<$h> does not compile on its own without Jansson"; }
done

if [ $fail -eq 0 ]; then
	echo "headers: <webrtc_chg/webrtc_chg.h> and each of the $n public headers compile on" \
		"their own, none but cdr_json.h needs <jansson.h>"
fi
exit $fail
