# mk/coverage.mk: the coverage figure of lib/ (make coverage, make
# check-coverage).
#
# SPDX-License-Identifier: BSD-2-Clause
#
# Included by the top Makefile. The library, the unit tests, the scenario
# engine and the fuzz targets' replay drivers are built a fourth time under
# $(B)/cov/ with gcc --coverage and no optimisation; the unit suite runs
# (one process) and every fuzz corpus is replayed; lcov collects lines,
# functions and branches of lib/ and prints them per file and in total;
# genhtml writes $(B)/cov/html/index.html.
#
# The floors are written here and nowhere else. A line or branch that no
# test can reach carries an lcov marker with its reason in a comment
# (LCOV_EXCL_LINE, LCOV_EXCL_START/STOP, LCOV_EXCL_BR_LINE, ...);
# check-coverage counts them and prints the count with the figures.

COV_FLOOR_LINES := 98.5
COV_FLOOR_FUNCTIONS := 99.5
COV_FLOOR_BRANCHES := 94.5

LCOV ?= lcov
GENHTML ?= genhtml
COV_CFLAGS := -O0 -g -std=c11 -Wall -Wextra -Werror --coverage -fprofile-update=atomic
COV_LCOVRC := --rc lcov_branch_coverage=1
# The CDR codec's per-type functions are unrolled at compile time from the
# schema tables (schema_tables.h): gcov counts ~1M branches of constant
# folding in them. Their lines count; their branches are left out of the
# branch figure (and listed per file by make coverage).
COV_BRANCH_SKIP := '*/lib/cdr/cdr_enc.c' '*/lib/cdr/cdr_dec.c' '*/lib/cdr/schema.h'

COV_LIB_OBJS := $(LIB_SRCS:%.c=$(B)/cov/obj/%.o)
COV_UNIT_OBJS := $(UNIT_SRCS:%.c=$(B)/cov/obj/%.o)
COV_SCN_OBJS := $(SCN_SRCS:%.c=$(B)/cov/obj/%.o)
COV_REPLAY_BINS := $(FUZZ_NAMES:%=$(B)/cov/replay_%)
COV_FUZZ_OBJS := $(FUZZ_NAMES:%=$(B)/cov/obj/tests/fuzz/fuzz_%.o) \
	$(B)/cov/obj/tests/fuzz/replay_main.o
.SECONDARY: $(COV_FUZZ_OBJS)

$(COV_LIB_OBJS): OBJ_CFLAGS := -fvisibility=hidden -fPIC
$(COV_UNIT_OBJS): OBJ_CFLAGS := $(CHECK_CFLAGS)
$(COV_SCN_OBJS): OBJ_INC := -Iinclude
$(B)/cov/obj/tests/unit/test_demo.o: OBJ_CFLAGS := $(CHECK_CFLAGS) $(SCN_INC)
$(B)/cov/obj/tests/fuzz/fuzz_scenario.o: OBJ_CFLAGS := $(SCN_INC)

$(B)/cov/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(OBJ_INC) $(CPPFLAGS) $(COV_CFLAGS) $(JANSSON_CFLAGS) $(OBJ_CFLAGS) \
	    -MMD -MP -c $< -o $@

-include $(wildcard $(B)/cov/obj/*/*.d $(B)/cov/obj/*/*/*.d)

$(B)/cov/test_unit: $(COV_UNIT_OBJS) $(COV_SCN_OBJS) $(COV_LIB_OBJS)
	$(CC) $(COV_CFLAGS) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(JANSSON_LIBS) -pthread

$(B)/cov/replay_%: $(B)/cov/obj/tests/fuzz/fuzz_%.o \
		$(B)/cov/obj/tests/fuzz/replay_main.o $(COV_LIB_OBJS)
	$(CC) $(COV_CFLAGS) $(LDFLAGS) -o $@ $^ $(JANSSON_LIBS)
$(B)/cov/replay_scenario: $(COV_SCN_OBJS)

.PHONY: coverage check-coverage
# Run everything that counts, then report. The tracefile keeps lib/ only.
coverage: $(B)/cov/test_unit $(COV_REPLAY_BINS)
	@set -e; \
	for t in $(LCOV) $(GENHTML); do command -v $$t >/dev/null 2>&1 || { \
	  echo "coverage: $$t not installed (apt-get install lcov)"; exit 1; }; done; \
	find $(B)/cov -name '*.gcda' -delete; \
	rm -rf $(B)/cov/test-out && mkdir -p $(B)/cov/test-out; \
	WCHG_TEST_OUT=$(B)/cov/test-out CK_FORK=no $(B)/cov/test_unit >$(B)/cov/unit.log 2>&1 || { \
	  tail -n 20 $(B)/cov/unit.log; exit 1; }; \
	for n in $(FUZZ_NAMES); do $(B)/cov/replay_$$n tests/fuzz/corpus/$$n >/dev/null; done; \
	$(LCOV) $(COV_LCOVRC) --quiet --capture --directory $(B)/cov/obj \
	    --output-file $(B)/cov/all.info 2>$(B)/cov/lcov.log; \
	$(LCOV) $(COV_LCOVRC) --quiet --extract $(B)/cov/all.info '$(CURDIR)/lib/*' \
	    --output-file $(B)/cov/lib.info 2>>$(B)/cov/lcov.log; \
	$(LCOV) $(COV_LCOVRC) --list $(B)/cov/lib.info 2>>$(B)/cov/lcov.log | sed 's|$(CURDIR)/||'; \
	$(LCOV) $(COV_LCOVRC) --summary $(B)/cov/lib.info 2>&1 | grep -E '^ +(lines|functions|branches)'; \
	$(GENHTML) $(COV_LCOVRC) --quiet --output-directory $(B)/cov/html $(B)/cov/lib.info \
	    2>>$(B)/cov/lcov.log; \
	echo "coverage: HTML report in $(B)/cov/html/index.html"

# The figure against the floors above (make check runs it).
check-coverage: | $(B)/check
	@$(call need_tool,$(LCOV) $(GENHTML)); set -e; \
	$(MAKE) --no-print-directory -s coverage >$(B)/check/coverage.txt; \
	cat $(B)/check/coverage.txt; \
	marks=$$(grep -rhoE 'LCOV_EXCL_(LINE|START|BR_LINE|BR_START)' lib | wc -l); \
	$(LCOV) $(COV_LCOVRC) --quiet --remove $(B)/cov/lib.info $(COV_BRANCH_SKIP) \
	    --output-file $(B)/cov/lib_br.info 2>/dev/null; \
	{ $(LCOV) $(COV_LCOVRC) --summary $(B)/cov/lib.info 2>&1 | grep -E 'lines|functions'; \
	  $(LCOV) $(COV_LCOVRC) --summary $(B)/cov/lib_br.info 2>&1 | grep branches; } | \
	  awk -v fl=$(COV_FLOOR_LINES) -v ff=$(COV_FLOOR_FUNCTIONS) \
	      -v fb=$(COV_FLOOR_BRANCHES) -v marks=$$marks ' \
	    /lines\.*:/ { l = $$2 + 0 } /functions\.*:/ { f = $$2 + 0 } \
	    /branches\.*:/ { b = $$2 + 0 } \
	    END { \
	      printf "check-coverage: lib/ lines %.1f%% (floor %s), functions %.1f%% (floor %s), branches %.1f%% (floor %s); %d lcov marks\n", \
	        l, fl, f, ff, b, fb, marks; \
	      bad = 0; \
	      if (l < fl) { print "FAIL: lines under their floor"; bad = 1 } \
	      if (f < ff) { print "FAIL: functions under their floor"; bad = 1 } \
	      if (b < fb) { print "FAIL: branches under their floor"; bad = 1 } \
	      exit bad }'
