#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# check_layers.sh: which object file of lib/ uses which, from the objects
# themselves, against the layers of lib/.
#
#   sh tests/tools/check_layers.sh LAYERS OBJDIR [OBJ...]
#
# LAYERS lists the folders of lib/ lowest first, each with the folders it
# may use (tests/tools/layers). OBJDIR holds the objects of lib/ in the
# same folders (build/obj/lib); OBJ... names them relative to OBJDIR
# (default: every *.o under it, stale ones too). A file uses another when it leaves a
# symbol undefined that the other defines (nm): a call, or the address of
# a function or table, not merely an #include. Fails, naming the files and
# the symbols, on
#   - a circle: files that use each other, directly or through others
#     (a strongly connected component of more than one file);
#   - a use of a folder its layer's line does not name, and says when the
#     use climbs (to a layer above);
#   - an object outside the folders LAYERS names, or a LAYERS line that
#     names a folder that is not below it.
# Prints, when it passes, the folders each layer uses.
set -u

if [ $# -lt 2 ]; then
	echo "usage: sh $0 LAYERS OBJDIR [OBJ...]" >&2
	exit 2
fi
layers=$1
objdir=${2%/}
shift 2
NM=${NM:-nm}
[ -r "$layers" ] || { echo "FAIL: cannot read $layers"; exit 1; }
if [ $# -gt 0 ]; then
	objs=$(printf '%s\n' "$@" | LC_ALL=C sort)
else
	objs=$(cd "$objdir" 2>/dev/null && find . -name '*.o' | sed 's|^\./||' | LC_ALL=C sort)
fi
[ -n "$objs" ] || { echo "FAIL: no object file under $objdir"; exit 1; }

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# One line per symbol: "D file sym" (defined, global) or "U file sym".
for o in $objs; do
	"$NM" -P "$objdir/$o" >"$tmp.nm" || { rm -f "$tmp.nm"; exit 1; }
	awk -v f="$o" '
		$2 == "U" { print "U", f, $1; next }
		$2 ~ /^[A-TV-Z]$/ { print "D", f, $1 }' "$tmp.nm"
done >"$tmp" || { echo "FAIL: $NM failed"; exit 1; }
rm -f "$tmp.nm"

awk -v layers="$layers" '
function fail(msg) { print "FAIL: " msg; failed = 1 }
function folder(f) { return index(f, "/") ? substr(f, 1, index(f, "/") - 1) : "" }

BEGIN {
	while ((getline line < layers) > 0) {
		lineno++
		if (line ~ /^[ \t]*(#|$)/)
			continue
		if (line !~ /^[a-z0-9_]+:/) {
			fail(layers ":" lineno ": not \"folder: folders it may use\"")
			continue
		}
		name = substr(line, 1, index(line, ":") - 1)
		if (name in rank)
			fail(layers ":" lineno ": " name " listed twice")
		rank[name] = ++nlayers
		lname[nlayers] = name
		n = split(substr(line, index(line, ":") + 1), deps, /[ \t]+/)
		for (k = 1; k <= n; k++) {
			if (deps[k] == "")
				continue
			if (!(deps[k] in rank))
				fail(layers ":" lineno ": " name " may use " deps[k] \
				    ", which is not a layer below it")
			allowed[name, deps[k]] = 1
		}
	}
	close(layers)
	if (nlayers == 0)
		fail(layers ": no layer")
}

{
	if (!($2 in node)) {
		node[$2] = ++nnodes
		file[nnodes] = $2
	}
}
$1 == "D" && !($3 in def) { def[$3] = $2 }
$1 == "U" { nu++; usef[nu] = $2; usesym[nu] = $3 }

END {
	for (i = 1; i <= nnodes; i++)
		if (!(folder(file[i]) in rank))
			fail(file[i] ": folder \"" folder(file[i]) "\" is not a layer of " layers)
	# the uses between files, with the symbols of each
	for (k = 1; k <= nu; k++) {
		if (!(usesym[k] in def))
			continue        # the C library, Jansson
		a = node[usef[k]]
		b = node[def[usesym[k]]]
		if (a == b)
			continue
		if (!((a, b) in syms)) {
			nedges++
			syms[a, b] = usesym[k]
		} else
			syms[a, b] = syms[a, b] ", " usesym[k]
		reach[a, b] = 1
	}
	# uses of other folders
	for (a = 1; a <= nnodes; a++)
		for (b = 1; b <= nnodes; b++) {
			if (!((a, b) in syms))
				continue
			fa = folder(file[a])
			fb = folder(file[b])
			if (fa == fb || !(fa in rank) || !(fb in rank))
				continue
			if ((fa, fb) in allowed) {
				used[fa, fb] = 1
				continue
			}
			if (rank[fb] > rank[fa])
				why = "climbs from " fa " to " fb " (a higher layer)"
			else
				why = fa " may not use " fb " (not on its line of " layers ")"
			fail(file[a] " -> " file[b] ": " why ": " syms[a, b])
		}
	# circles: a and b in one strongly connected component when each
	# reaches the other (transitive closure, Floyd-Warshall)
	for (k = 1; k <= nnodes; k++)
		for (a = 1; a <= nnodes; a++) {
			if (!((a, k) in reach))
				continue
			for (b = 1; b <= nnodes; b++)
				if ((k, b) in reach)
					reach[a, b] = 1
		}
	for (a = 1; a <= nnodes; a++) {
		if (a in seen || !((a, a) in reach))
			continue
		members = ""
		n = 0
		for (b = a; b <= nnodes; b++)
			if (b == a || (((a, b) in reach) && ((b, a) in reach))) {
				seen[b] = 1
				comp[++n] = b
				members = members " " file[b]
			}
		fail("circle of " n " files:" members)
		for (i = 1; i <= n; i++)
			for (j = 1; j <= n; j++)
				if ((comp[i], comp[j]) in syms)
					print "  " file[comp[i]] " -> " file[comp[j]] ": " \
					    syms[comp[i], comp[j]]
	}
	if (failed)
		exit 1
	for (l = 1; l <= nlayers; l++) {
		line = ""
		for (m = 1; m < l; m++)
			if ((lname[l], lname[m]) in used)
				line = line " " lname[m]
		print "  " lname[l] " uses" (line == "" ? " nothing else" : line)
	}
	printf "check-layers: %d object files, %d uses between them, no circle, " \
	    "no use outside %s\n", nnodes, nedges, layers
}' "$tmp"
