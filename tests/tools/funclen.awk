# SPDX-License-Identifier: BSD-2-Clause
#
# funclen.awk: the length of every C function in the files given, in the
# house style (a definition's last signature line ends with "{" at the top
# level, its body ends with a "}" alone in column 0). A function's length
# is its lines from the first line of its signature to the closing brace.
#
#   awk -f tests/tools/funclen.awk [-v list=1] FILE...
#
# prints one line "functions N median M p90 P max X (FILE:LINE NAME)", and
# with list=1 every function as "LINES FILE:LINE NAME" first.

function flush_sig() { sig_start = 0; sig_name = ""; sig_paren = 0 }

FNR == 1 { depth = 0; flush_sig(); in_fn = 0; in_type = 0 }

# a type or a table ("static const struct {" ... "} names[] = {"): no
# function, skipped to its "}" in column 0
in_type {
	if ($0 ~ /^\}/)
		in_type = 0
	next
}

{
	line = $0
	if (!in_fn && depth == 0) {
		# a signature starts at column 0 with a type or name, not a
		# preprocessor line, comment, brace or declaration end
		if (!sig_start && line ~ /^[A-Za-z_]/ && line !~ /^(typedef|struct [A-Za-z_0-9]+ *\{|enum|union)/ &&
		    line !~ /;[ \t]*$/)
			sig_start = FNR
		if (sig_start && line ~ /\(/)
			sig_paren = 1
		if (sig_start && line ~ /\{[ \t]*$/ && line !~ /=/ && !sig_paren) {
			in_type = 1
			flush_sig()
			next
		}
		if (sig_start && line ~ /\{[ \t]*$/ && line !~ /=/) {
			text = line
			if (match(text, /[A-Za-z_][A-Za-z_0-9]*[ \t]*\(/)) {
				name = substr(text, RSTART, RLENGTH)
				sub(/[ \t]*\($/, "", name)
			} else
				name = sig_name
			in_fn = 1
			fn_start = sig_start
			fn_name = name
			flush_sig()
			next
		}
		if (sig_start && line ~ /\(/ && sig_name == "") {
			t = line
			if (match(t, /[A-Za-z_][A-Za-z_0-9]*[ \t]*\(/)) {
				sig_name = substr(t, RSTART, RLENGTH)
				sub(/[ \t]*\($/, "", sig_name)
			}
		}
		if (line ~ /;[ \t]*$/ || line ~ /^[ \t]*$/ || line ~ /^#/ || line ~ /=.*\{[ \t]*$/)
			flush_sig()
		if (line ~ /\{[ \t]*$/ && line !~ /^[ \t]*\/?\*/)
			depth_block = 1
		next
	}
	if (in_fn && line ~ /^\}[ \t]*$/) {
		n = FNR - fn_start + 1
		len[++count] = n
		where[count] = FILENAME ":" fn_start " " fn_name
		in_fn = 0
	}
}

END {
	if (count == 0) {
		print "functions 0"
		exit
	}
	# sort lengths (insertion sort on indexes)
	for (i = 1; i <= count; i++)
		idx[i] = i
	for (i = 2; i <= count; i++) {
		v = idx[i]
		for (j = i - 1; j >= 1 && len[idx[j]] > len[v]; j--)
			idx[j + 1] = idx[j]
		idx[j + 1] = v
	}
	if (list)
		for (i = 1; i <= count; i++)
			printf "%d %s\n", len[idx[i]], where[idx[i]]
	med = len[idx[int((count + 1) / 2)]]
	p90 = len[idx[int(count * 0.9 + 0.999999)]]
	printf "functions %d median %d p90 %d max %d (%s)\n", count, med, p90,
	    len[idx[count]], where[idx[count]]
}
