# webrtc_chg — build, test, install.
#
#   make [all]      static and shared library in $(B)/
#   make check      unit tests (plain, valgrind, ASan+UBSan, TSan), fuzz corpus
#                   replay, ABI checks, example smoke test, independent
#                   decoders (asn1c, Erlang asn1) over every record produced,
#                   tshark over every Diameter message produced, every
#                   public function, type and enum value documented
#   make demo       build the examples, replay the WebRTC call demo (every
#                   ACR to $(B)/demo/), show an H.3 and an H.4 WebRTC CDR
#   make bench      encode/decode ns/op against stock asn1c (CDRs) and
#                   freeDiameter 1.2.1 (Diameter), the CDF with 1k and 100k
#                   open sessions; make bench-scale: the CDF up to 1M open
#                   sessions (needs about 2 GB)
#   make fuzz       libFuzzer, FUZZ_SECONDS per target, random seeds, a table
#                   of the campaign (FUZZ_MERGE=1 merges new inputs into
#                   tests/fuzz/corpus/); make check runs every target from a
#                   fixed seed for the runs of tests/fuzz/budget
#   make doc        the API reference from the public headers' comments:
#                   HTML and man pages in $(B)/doc/ (docs/tools/wchgdoc.py)
#   make install    PREFIX=/usr/local, DESTDIR, MANDIR; make uninstall;
#                   make clean
#
# Everything built goes under $(B) (default build/).
#
# SPDX-License-Identifier: BSD-2-Clause

B ?= build
PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DESTDIR ?=

CFLAGS ?= -O2 -g -std=c11 -Wall -Wextra -Werror -fPIC
LDFLAGS ?=
CLANG ?= clang
PKG_CONFIG ?= pkg-config
VALGRIND ?= valgrind
TSHARK ?= tshark
TEXT2PCAP ?= text2pcap
OBJCOPY ?= objcopy
NM ?= nm
INSTALL ?= install
PYTHON ?= python3
GROFF ?= groff
FUZZ_SECONDS ?= 60
FUZZ_MERGE ?= 0
CI ?=

# The version lives in one place: include/webrtc_chg/common.h.
VERSION := $(shell sed -n 's/^\#define WCHG_VERSION_STRING "\(.*\)"/\1/p' \
	include/webrtc_chg/common.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))
LIBNAME := libwebrtc_chg
SONAME := $(LIBNAME).so.$(SOMAJOR)
STATIC_LIB := $(B)/$(LIBNAME).a
SHARED_LIB := $(B)/$(LIBNAME).so.$(VERSION)
SHARED_LINKS := $(B)/$(SONAME) $(B)/$(LIBNAME).so

JANSSON_CFLAGS := $(shell $(PKG_CONFIG) --cflags jansson 2>/dev/null)
JANSSON_LIBS := $(or $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null),-ljansson)
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS := $(or $(shell $(PKG_CONFIG) --libs check 2>/dev/null),-lcheck)

# Sanitizer build of the library and the tests (make check).
SAN_CFLAGS := -O1 -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all
SAN_ENV := ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# ThreadSanitizer build of the library and the tests (make check-tsan):
# gcc (libtsan, with build-essential) or clang. No suppressions.
TSAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=thread
TSAN_ENV := TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
# libFuzzer build (make fuzz): clang only.
FUZZ_CFLAGS := -g -O1 -std=c11 -Wall -Wextra -Werror -fno-omit-frame-pointer
FUZZ_SAN := address,undefined

# ---------------------------------------------------------------- sources

LIB_SRCS := $(wildcard lib/*/*.c)
UNIT_SRCS := $(wildcard tests/unit/*.c)
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(FUZZ_SRCS:tests/fuzz/fuzz_%.c=%)
BENCH_SRCS := $(wildcard tests/bench/*.c)
EXAMPLES := cdr2json json2cdr demo_cdrs avpdump webrtc_call acr2cdr

LIB_OBJS := $(LIB_SRCS:%.c=$(B)/obj/%.o)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(B)/obj/%.o)
# The scenario engine of the webrtc_call demo (examples/scenario/): built
# once per variant, linked by webrtc_call, the unit tests and fuzz_scenario.
SCN_SRCS := $(wildcard examples/scenario/*.c)
SCN_OBJS := $(SCN_SRCS:%.c=$(B)/obj/%.o)
SCN_INC := -Iexamples/scenario
EXAMPLE_OBJS := $(EXAMPLES:%=$(B)/obj/examples/%.o) $(SCN_OBJS)
EXAMPLE_BINS := $(EXAMPLES:%=$(B)/examples/%)

ASAN_LIB_OBJS := $(LIB_SRCS:%.c=$(B)/asan/obj/%.o)
ASAN_UNIT_OBJS := $(UNIT_SRCS:%.c=$(B)/asan/obj/%.o)
ASAN_SCN_OBJS := $(SCN_SRCS:%.c=$(B)/asan/obj/%.o)
ASAN_FUZZ_OBJS := $(FUZZ_NAMES:%=$(B)/asan/obj/tests/fuzz/fuzz_%.o) \
	$(B)/asan/obj/tests/fuzz/replay_main.o
REPLAY_BINS := $(FUZZ_NAMES:%=$(B)/asan/replay_%)

TSAN_LIB_OBJS := $(LIB_SRCS:%.c=$(B)/tsan/obj/%.o)
TSAN_UNIT_OBJS := $(UNIT_SRCS:%.c=$(B)/tsan/obj/%.o)
TSAN_SCN_OBJS := $(SCN_SRCS:%.c=$(B)/tsan/obj/%.o)

FUZZ_LIB_OBJS := $(LIB_SRCS:%.c=$(B)/fuzz/obj/%.o)
FUZZ_TARGET_OBJS := $(FUZZ_NAMES:%=$(B)/fuzz/obj/tests/fuzz/fuzz_%.o)
FUZZ_SCN_OBJS := $(SCN_SRCS:%.c=$(B)/fuzz/obj/%.o)
FUZZ_BINS := $(FUZZ_NAMES:%=$(B)/fuzz/fuzz_%)

BENCH_BINS := $(BENCH_SRCS:tests/bench/%.c=$(B)/bench/%)

DIRS := $(B) $(B)/obj/lib $(B)/obj/tests/unit $(B)/obj/examples \
	$(B)/asan/obj/lib $(B)/asan/obj/tests/unit $(B)/asan/obj/tests/fuzz \
	$(B)/tsan/obj/lib $(B)/tsan/obj/tests/unit \
	$(B)/fuzz/obj/lib $(B)/fuzz/obj/tests/fuzz $(B)/examples \
	$(B)/bench $(B)/abi $(B)/check $(B)/interop

# ---------------------------------------------------------------- default

.PHONY: all
all: $(STATIC_LIB) $(SHARED_LIB) $(SHARED_LINKS)

# asn1c code, the asn1c oracle and the Erlang modules (uses B and CC).
include mk/oracle.mk
include mk/coverage.mk

$(DIRS):
	@mkdir -p $@

# ---------------------------------------------------------------- objects
# One pattern per variant; per-object flags are target-specific variables
# set on the objects themselves (so they never leak into other targets).

OBJ_INC := -Iinclude -Ilib
OBJ_CFLAGS :=

$(LIB_OBJS) $(ASAN_LIB_OBJS) $(TSAN_LIB_OBJS) $(FUZZ_LIB_OBJS): \
	OBJ_CFLAGS := -fvisibility=hidden -fPIC
$(UNIT_OBJS) $(ASAN_UNIT_OBJS) $(TSAN_UNIT_OBJS): OBJ_CFLAGS := $(CHECK_CFLAGS)
# The examples (and their scenario engine) use the public API only.
$(EXAMPLE_OBJS) $(ASAN_SCN_OBJS) $(TSAN_SCN_OBJS) $(FUZZ_SCN_OBJS): OBJ_INC := -Iinclude
# Those that use the scenario engine see its headers.
$(B)/obj/tests/unit/test_demo.o $(B)/asan/obj/tests/unit/test_demo.o \
		$(B)/tsan/obj/tests/unit/test_demo.o: \
	OBJ_CFLAGS := $(CHECK_CFLAGS) $(SCN_INC)
$(B)/asan/obj/tests/fuzz/fuzz_scenario.o $(B)/fuzz/obj/tests/fuzz/fuzz_scenario.o: \
	OBJ_CFLAGS := $(SCN_INC)

$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(OBJ_INC) $(CPPFLAGS) $(CFLAGS) $(JANSSON_CFLAGS) $(OBJ_CFLAGS) \
	    -MMD -MP -c $< -o $@

$(B)/asan/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(OBJ_INC) $(CPPFLAGS) $(CFLAGS) $(SAN_CFLAGS) $(JANSSON_CFLAGS) \
	    $(OBJ_CFLAGS) -MMD -MP -c $< -o $@

$(B)/tsan/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(OBJ_INC) $(CPPFLAGS) $(CFLAGS) $(TSAN_CFLAGS) $(JANSSON_CFLAGS) \
	    $(OBJ_CFLAGS) -MMD -MP -c $< -o $@

$(B)/fuzz/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CLANG) $(OBJ_INC) $(CPPFLAGS) $(FUZZ_CFLAGS) \
	    -fsanitize=fuzzer-no-link,$(FUZZ_SAN) $(JANSSON_CFLAGS) \
	    $(OBJ_CFLAGS) -MMD -MP -c $< -o $@

$(LIB_OBJS): | $(B)/obj/lib
$(UNIT_OBJS): | $(B)/obj/tests/unit
$(EXAMPLE_OBJS): | $(B)/obj/examples
$(ASAN_LIB_OBJS): | $(B)/asan/obj/lib
$(ASAN_UNIT_OBJS): | $(B)/asan/obj/tests/unit
$(ASAN_FUZZ_OBJS): | $(B)/asan/obj/tests/fuzz
$(TSAN_LIB_OBJS): | $(B)/tsan/obj/lib
$(TSAN_UNIT_OBJS): | $(B)/tsan/obj/tests/unit
$(FUZZ_LIB_OBJS): | $(B)/fuzz/obj/lib
$(FUZZ_TARGET_OBJS): | $(B)/fuzz/obj/tests/fuzz

-include $(wildcard $(B)/obj/*/*.d $(B)/obj/*/*/*.d \
	$(B)/asan/obj/*/*.d $(B)/asan/obj/*/*/*.d \
	$(B)/tsan/obj/*/*.d $(B)/tsan/obj/*/*/*.d \
	$(B)/fuzz/obj/*/*.d $(B)/fuzz/obj/*/*/*.d \
	$(B)/abi/*.d $(B)/bench/*.d $(B)/interop/*.d)

# ---------------------------------------------------------------- libraries

# The static library is one relocatable object whose hidden symbols are
# made local: only the wchg_* API stays global, so no helper of ours can
# clash with a symbol of the program that links us.
$(STATIC_LIB): $(LIB_OBJS) | $(B)
	$(LD) -r -o $(B)/obj/$(LIBNAME).o $(LIB_OBJS)
	$(OBJCOPY) --localize-hidden $(B)/obj/$(LIBNAME).o
	rm -f $@
	$(AR) rcs $@ $(B)/obj/$(LIBNAME).o

$(SHARED_LIB): $(LIB_OBJS) lib/webrtc_chg.map | $(B)
	$(CC) -shared -Wl,-soname,$(SONAME) \
	    -Wl,--version-script=lib/webrtc_chg.map -Wl,--no-undefined \
	    $(LDFLAGS) -o $@ $(LIB_OBJS) $(JANSSON_LIBS)

$(SHARED_LINKS): $(SHARED_LIB)
	ln -sf $(notdir $(SHARED_LIB)) $@

# ---------------------------------------------------------------- tests

# The unit tests link the objects, not the archive: they may call helpers
# that the archive keeps local.
$(B)/test_unit: $(UNIT_OBJS) $(SCN_OBJS) $(LIB_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJS) $(SCN_OBJS) $(LIB_OBJS) \
	    $(CHECK_LIBS) $(JANSSON_LIBS) -pthread

$(B)/asan/test_unit: $(ASAN_UNIT_OBJS) $(ASAN_SCN_OBJS) $(ASAN_LIB_OBJS)
	$(CC) $(CFLAGS) $(SAN_CFLAGS) $(LDFLAGS) -o $@ $(ASAN_UNIT_OBJS) \
	    $(ASAN_SCN_OBJS) $(ASAN_LIB_OBJS) $(CHECK_LIBS) $(JANSSON_LIBS) -pthread

# The whole unit suite under ThreadSanitizer (make check-tsan).
$(B)/tsan/test_unit: $(TSAN_UNIT_OBJS) $(TSAN_SCN_OBJS) $(TSAN_LIB_OBJS)
	$(CC) $(CFLAGS) $(TSAN_CFLAGS) $(LDFLAGS) -o $@ $(TSAN_UNIT_OBJS) \
	    $(TSAN_SCN_OBJS) $(TSAN_LIB_OBJS) $(CHECK_LIBS) $(JANSSON_LIBS) -pthread

# The helper of the tshark interop step: writes the sample Diameter
# messages and lists the AVPs our reader sees (public API only).
$(B)/interop/diam_interop: tests/interop/diam_interop.c tests/unit/diam_samples.c \
		tests/unit/diam_samples.h $(STATIC_LIB) | $(B)/interop
	$(CC) $(CFLAGS) -Iinclude -Itests/unit $(JANSSON_CFLAGS) -MMD -MP -MF $@.d -MT $@ \
	    $(LDFLAGS) -o $@ tests/interop/diam_interop.c tests/unit/diam_samples.c \
	    $(STATIC_LIB) $(JANSSON_LIBS)

# Fuzz targets replayed over their corpus under ASan+UBSan (no libFuzzer
# needed, so any compiler with sanitizers will do).
$(B)/asan/replay_%: $(B)/asan/obj/tests/fuzz/fuzz_%.o \
		$(B)/asan/obj/tests/fuzz/replay_main.o $(ASAN_LIB_OBJS)
	$(CC) $(CFLAGS) $(SAN_CFLAGS) $(LDFLAGS) -o $@ $^ $(JANSSON_LIBS)
$(B)/asan/replay_scenario: $(ASAN_SCN_OBJS)

# Link test: our static library and an asn1c-generated codec in one program.
$(B)/abi/clash: tests/abi/clash.c $(STATIC_LIB) $(B)/asn1c/libasn1c_fast.a \
		| $(B)/abi
	$(CC) -O2 -g -Wall -Wextra -Werror -Iinclude -isystem $(ORACLE_GEN) \
	    $(ORACLE_FAST_DEFS) $(JANSSON_CFLAGS) -MMD -MP -MF $@.d -MT $@ $(LDFLAGS) \
	    -o $@ $< $(STATIC_LIB) $(B)/asn1c/libasn1c_fast.a $(JANSSON_LIBS)

# ---------------------------------------------------------------- examples

$(B)/examples/%: $(B)/obj/examples/%.o $(STATIC_LIB) | $(B)/examples
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(STATIC_LIB) $(JANSSON_LIBS)

# webrtc_call: the scenario engine (examples/scenario/) too, and the text
# of examples/scenarios/demo.json compiled in as its built-in scenario (a
# byte array written with od and sed).
$(B)/gen/demo_scenario.h: examples/scenarios/demo.json
	@mkdir -p $(@D)
	{ echo '/* generated from $< */'; \
	  echo 'static const unsigned char demo_scenario_json[] = {'; \
	  od -An -v -tx1 $< | sed 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '};'; } >$@.tmp && mv $@.tmp $@
$(B)/obj/examples/webrtc_call.o: $(B)/gen/demo_scenario.h
$(B)/obj/examples/webrtc_call.o: OBJ_CFLAGS := -I$(B)/gen $(SCN_INC)
$(B)/examples/webrtc_call: $(B)/obj/examples/webrtc_call.o $(SCN_OBJS) $(STATIC_LIB) \
		| $(B)/examples
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) $(STATIC_LIB) $(JANSSON_LIBS)

.PHONY: examples demo
examples: $(EXAMPLE_BINS)

demo: $(EXAMPLE_BINS)
	rm -f $(B)/demo/*.diam
	$(B)/examples/webrtc_call --out $(B)/demo
	$(B)/examples/demo_cdrs --out $(B)/demo
	$(B)/examples/cdr2json --pretty $(B)/demo/h3.der $(B)/demo/h4.der

# ---------------------------------------------------------------- check
#
# Every step is a target check-NAME run by its own sub-make, so that one
# failing step does not hide the others. A step whose tool is missing
# prints "SKIP: <tool> not installed" (or fails when CI=true).

CHECK_STEPS := unit valgrind asan tsan fuzz-replay fuzz real-data abi abi-clash examples tshark \
	oracle-asn1c oracle-erlang oracle-receive doc layers shape coverage
CHECK_OUT := $(B)/test-out
# Records checked by the independent decoders.
ORACLE_INPUTS = $(CHECK_OUT)/*.der tests/vectors/*.der $(B)/check/examples/*.der

# $(call need_tool,cmd...): stop the step with SKIP (FAIL in CI) unless
# every command is on PATH. Use it as the first command of a step line.
need_tool = for t in $(1); do \
	  command -v $$t >/dev/null 2>&1 && continue; \
	  if [ "$(CI)" = true ]; then \
	    echo "FAIL: $$t not installed (CI=true)"; exit 1; fi; \
	  echo "SKIP: $$t not installed"; touch $(B)/check/skip-$@; exit 0; \
	done

.PHONY: check $(CHECK_STEPS:%=check-%)
# Built up front (in parallel with -j); the oracle tools only when their
# compiler is installed, else their steps say SKIP.
have = $(shell command -v $(1) >/dev/null 2>&1 && echo yes)
CHECK_PREREQS = all $(B)/test_unit $(B)/asan/test_unit $(B)/tsan/test_unit $(REPLAY_BINS) \
	$(EXAMPLE_BINS) $(B)/interop/diam_interop \
	$(if $(call have,$(ASN1C)),$(B)/abi/clash $(B)/oracle/asn1c_check) \
	$(if $(call have,$(CLANG)),$(FUZZ_BINS)) \
	$(if $(call have,$(ERLC)),$(ORACLE_BEAMS) $(ORACLE_OWN_BEAMS) $(B)/oracle/receive_check)

check: $(CHECK_PREREQS) | $(B)/check
	@pass=0; fail=0; skip=0; failed=; \
	for s in $(CHECK_STEPS); do \
	  echo "---- check-$$s"; \
	  rm -f $(B)/check/skip-check-$$s; \
	  if $(MAKE) --no-print-directory check-$$s; then \
	    if [ -e $(B)/check/skip-check-$$s ]; then skip=$$((skip + 1)); \
	    else pass=$$((pass + 1)); fi; \
	  else fail=$$((fail + 1)); failed="$$failed $$s"; fi; \
	done; \
	echo "----"; \
	[ $$skip -eq 0 ] || echo "check: $$skip skipped (tool not installed)"; \
	[ $$fail -eq 0 ] || echo "check: failed:$$failed"; \
	echo "check: $$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

check-unit: $(B)/test_unit
	rm -rf $(CHECK_OUT) && mkdir -p $(CHECK_OUT)
	WCHG_TEST_OUT=$(CHECK_OUT) $(B)/test_unit

check-valgrind: $(B)/test_unit | $(B)/check
	@$(call need_tool,$(VALGRIND)); set -e; \
	rm -rf $(B)/check/valgrind-out; mkdir -p $(B)/check/valgrind-out; \
	echo "CK_FORK=no $(VALGRIND) ... $(B)/test_unit"; \
	WCHG_TEST_OUT=$(B)/check/valgrind-out CK_FORK=no $(VALGRIND) -q \
	    --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=1 $(B)/test_unit

check-asan: $(B)/asan/test_unit | $(B)/check
	rm -rf $(B)/check/asan-out && mkdir -p $(B)/check/asan-out
	WCHG_TEST_OUT=$(B)/check/asan-out CK_TIMEOUT_MULTIPLIER=10 $(SAN_ENV) \
	    $(B)/asan/test_unit

# The whole unit suite under ThreadSanitizer, with no suppressions: the
# threads suite (tests/unit/test_threads.c) runs every object kind from 4
# threads at once; any data race TSan sees stops the run (exit 66). One
# process (CK_FORK=no), as for valgrind.
check-tsan: $(B)/tsan/test_unit | $(B)/check
	rm -rf $(B)/check/tsan-out && mkdir -p $(B)/check/tsan-out
	WCHG_TEST_OUT=$(B)/check/tsan-out CK_FORK=no $(TSAN_ENV) $(B)/tsan/test_unit

check-fuzz-replay: $(REPLAY_BINS)
	@[ -n "$(FUZZ_NAMES)" ] || echo "no fuzz targets in tests/fuzz/"
	@set -e; for n in $(FUZZ_NAMES); do \
	  c=tests/fuzz/corpus/$$n; \
	  if [ ! -d $$c ]; then echo "FAIL: fuzz_$$n has no corpus $$c/"; exit 1; fi; \
	  echo "$(SAN_ENV) $(B)/asan/replay_$$n $$c"; \
	  $(SAN_ENV) $(B)/asan/replay_$$n $$c; \
	done

# Every fuzz target for a fixed budget from a fixed seed (reproducible:
# a failure names the target, the seed and the reproducer).
check-fuzz: | $(B)/check
	@$(call need_tool,$(CLANG)); set -e; \
	$(MAKE) -s --no-print-directory $(FUZZ_BINS); \
	bash tests/fuzz/run.sh check $(B) $(FUZZ_NAMES)

# Messages real peers sent (../shared/real-data/ when present, REAL_DATA
# to point elsewhere): every *.diam file must pass avpdump --check (the
# receive policy: deviations are warnings on stderr, refusals fail).
REAL_DATA ?= ../shared/real-data
check-real-data: $(B)/examples/avpdump | $(B)/check
	@set -e; d=$(REAL_DATA); \
	if [ ! -d "$$d" ]; then echo "SKIP: no real data in $$d"; \
	  touch $(B)/check/skip-$@; exit 0; fi; \
	n=0; for f in $$(find "$$d" -name '*.diam' | sort); do \
	  $(B)/examples/avpdump --check "$$f" >/dev/null || \
	    { echo "FAIL: avpdump --check refused $$f"; exit 1; }; \
	  n=$$((n + 1)); done; \
	test $$n -gt 0 || { echo "FAIL: no *.diam in $$d"; exit 1; }; \
	echo "real data: $$n messages from $$d pass avpdump --check"

# The symbol tables, and the public headers without Jansson: webrtc_chg.h
# and every header but cdr_json.h compile with no <jansson.h> to be found.
check-abi: all | $(B)/abi
	sh tests/abi/check.sh $(SHARED_LIB) $(STATIC_LIB) include/webrtc_chg
	sh tests/abi/headers.sh "$(CC)" include $(B)/abi "$(JANSSON_CFLAGS)"

check-abi-clash: | $(B)/check
	@$(call need_tool,$(ASN1C)); set -e; \
	$(MAKE) -s --no-print-directory $(B)/abi/clash; \
	echo "$(B)/abi/clash"; $(B)/abi/clash

# The examples as a user runs them (tests/examples/check.sh).
check-examples: $(EXAMPLE_BINS) $(B)/interop/diam_interop | $(B)/check
	sh tests/examples/check.sh $(B)

# Every Diameter message we produce (the samples, and the *.diam files the
# unit tests write to WCHG_TEST_OUT) dissected by tshark: no expert info
# of severity Note or above, no malformed mark, the same AVP tree as our
# reader, named fields (tests/interop/tshark_check.sh).
check-tshark: $(B)/interop/diam_interop $(B)/examples/webrtc_call | $(B)/check
	@$(call need_tool,$(TSHARK) $(TEXT2PCAP)); set -e; \
	rm -rf $(B)/check/tshark-demo; \
	$(B)/examples/webrtc_call --quiet --out $(B)/check/tshark-demo; \
	echo "sh tests/interop/tshark_check.sh ... $(CHECK_OUT) (and the demo's ACRs, CCRs, CCAs)"; \
	TSHARK=$(TSHARK) TEXT2PCAP=$(TEXT2PCAP) sh tests/interop/tshark_check.sh \
	    $(B)/interop/diam_interop $(B)/check/tshark $(CHECK_OUT) \
	    $(B)/check/tshark-demo $(B)/check/tshark-demo/ro

check-oracle-asn1c: | $(B)/check
	@$(call need_tool,$(ASN1C)); set -e; \
	$(MAKE) -s --no-print-directory $(B)/oracle/asn1c_check; \
	files=$$(ls $(ORACLE_INPUTS) 2>/dev/null || true); \
	echo "asn1c_check: $$(echo $$files | wc -w) files"; \
	$(B)/oracle/asn1c_check $$files

check-oracle-erlang: | $(B)/check
	@$(call need_tool,$(ERLC) $(ESCRIPT)); set -e; \
	$(MAKE) -s --no-print-directory $(ORACLE_BEAMS); \
	files=$$(ls $(ORACLE_INPUTS) 2>/dev/null || true); \
	echo "erl_check: $$(echo $$files | wc -w) files"; \
	$(ESCRIPT) tests/oracle/erl_check.escript $(B)/erl $$files

# Records with bad values that Erlang/OTP asn1 wrote (tests/oracle/
# erl_bad.escript): the receive policy keeps each, validation names exactly
# its bad paths, DER and DER of its JSON are its bytes (receive_check);
# cdr2json prints every record of a stream and of a TS 32.297 file that
# mix pCSCFRecord, sCSCFRecord and aSRecord, exit 0, and json2cdr gives the
# stream back; malformed bytes after them still fail, after the rest.
check-oracle-receive: $(B)/examples/cdr2json $(B)/examples/json2cdr | $(B)/check
	@$(call need_tool,$(ERLC) $(ESCRIPT)); set -e; \
	$(MAKE) -s --no-print-directory $(ORACLE_BEAMS) $(ORACLE_OWN_BEAMS) \
	    $(B)/oracle/receive_check; \
	d=$(B)/check/receive; x=$(B)/examples; rm -rf $$d; mkdir -p $$d; \
	$(ESCRIPT) tests/oracle/erl_bad.escript $(B)/erl $$d | tee $$d/erl_bad.log; \
	n=$$(sed -n 's/.* \([0-9]*\) records in mixed.der (\([0-9]*\) other)$$/\1/p' $$d/erl_bad.log); \
	o=$$(sed -n 's/.* \([0-9]*\) records in mixed.der (\([0-9]*\) other)$$/\2/p' $$d/erl_bad.log); \
	test "$$o" -gt 0; \
	$(B)/oracle/receive_check --cdrfile $$d/mixed.cdrfile $$d/mixed.der $$d/bad_*.der; \
	echo "cdr2json on the stream and on the CDR file: $$n records, $$o of other types, exit 0"; \
	for f in mixed.der mixed.cdrfile; do \
	  $$x/cdr2json $$d/$$f >$$d/$$f.jsonl 2>$$d/$$f.err; \
	  test "$$(wc -l <$$d/$$f.jsonl)" -eq "$$n"; \
	  test "$$(grep -c '^{"otherRecord":{"tag":' $$d/$$f.jsonl)" -eq "$$o"; \
	  grep -q '"name":"sCSCFRecord"' $$d/$$f.jsonl; \
	  grep -q '"name":"aSRecord"' $$d/$$f.jsonl; \
	  grep -q '(warning: invalid TimeStamp)$$' $$d/$$f.err; \
	done; \
	cmp $$d/mixed.der.jsonl $$d/mixed.cdrfile.jsonl; \
	echo "json2cdr gives the stream back byte for byte"; \
	$$x/json2cdr $$d/mixed.der.jsonl $$d/mixed-rt.der; cmp $$d/mixed.der $$d/mixed-rt.der; \
	echo "cdr2json | json2cdr on each record with bad values: the same bytes"; \
	for f in $$d/bad_*.der; do \
	  $$x/cdr2json $$f 2>/dev/null | $$x/json2cdr - $$f.rt; cmp $$f $$f.rt; done; \
	echo "cdr2json --strict refuses the first record with bad values"; \
	if $$x/cdr2json --strict $$d/mixed.der >$$d/strict.jsonl 2>$$d/strict.err; then \
	  echo "FAIL: cdr2json --strict accepted bad values"; exit 1; fi; \
	cat $$d/strict.err; test "$$(wc -l <$$d/strict.jsonl)" -eq 3; \
	echo "malformed bytes after the stream: every record printed, then exit 1"; \
	{ cat $$d/mixed.der; printf '\277\077\005\200\001\077'; } >$$d/cut.der; \
	if $$x/cdr2json $$d/cut.der >$$d/cut.jsonl 2>$$d/cut.err; then \
	  echo "FAIL: cdr2json accepted a record cut short"; exit 1; fi; \
	cmp $$d/cut.jsonl $$d/mixed.der.jsonl; \
	grep -q "^cdr2json: .*cut.der: record $$((n + 1)) at byte [0-9]*: .*(input truncated)$$" \
	    $$d/cut.err

# The API reference (docs/tools/wchgdoc.py check): every public function,
# type and enum value has a doc block, every |name| a function's block
# names is one of its parameters, every wchg_ name a guide uses is
# declared, every option of an example is in its usage line. Then make
# doc: its internal links resolve, every function the shared library
# exports has its man page, and groff formats every page without a
# warning.
check-doc: $(SHARED_LIB) | $(B)/check
	@$(call need_tool,$(PYTHON) $(GROFF)); set -e; \
	echo "$(PYTHON) docs/tools/wchgdoc.py check include/webrtc_chg/*.h ..."; \
	$(PYTHON) docs/tools/wchgdoc.py check $(DOC_ARGS); \
	$(MAKE) -s --no-print-directory doc; \
	n=0; missing=; \
	for s in $$($(NM) -D --defined-only $(SHARED_LIB) | awk '{ print $$NF }' | \
	    sed -n 's/^\(wchg_[A-Za-z0-9_]*\)@.*/\1/p'); do \
	  n=$$((n + 1)); \
	  [ -f $(B)/doc/man/man3/$$s.3 ] || missing="$$missing $$s"; \
	done; \
	if [ -n "$$missing" ]; then echo "FAIL: no man page for:$$missing"; exit 1; fi; \
	test $$n -gt 0; \
	pages=$$(ls $(B)/doc/man/man1/*.1 $(B)/doc/man/man3/*.3); \
	for p in $$pages; do \
	  w=$$(LC_ALL=C.UTF-8 $(GROFF) -man -Tutf8 -ww -z $$p 2>&1); \
	  if [ -n "$$w" ]; then echo "FAIL: groff: $$p: $$w"; exit 1; fi; \
	done; \
	echo "doc: $$n exported functions, each with its man page; $$(echo $$pages | wc -w) man pages, no groff warning; $(B)/doc/index.html"

# Two checks of the house's shape, not yet in CHECK_STEPS:
# check-layers: which object of lib/ uses which (nm), against the layers
# of tests/tools/layers: no circle between files, no use that climbs.
# check-shape: no function over 60 lines, p90 at most 30, in lib/ and in
# examples/ (tests/tools/check_shape.sh, tests/tools/funclen.awk).
.PHONY: check-layers check-shape
check-layers: $(LIB_OBJS)
	@echo "sh tests/tools/check_layers.sh tests/tools/layers $(B)/obj/lib ..."
	@NM=$(NM) sh tests/tools/check_layers.sh tests/tools/layers $(B)/obj/lib \
	    $(LIB_OBJS:$(B)/obj/lib/%=%)

check-shape:
	@fail=0; \
	sh tests/tools/check_shape.sh lib $(wildcard lib/*/*.c lib/*/*.h) || fail=1; \
	sh tests/tools/check_shape.sh examples $(wildcard examples/*.c examples/*.h \
	    examples/*/*.c examples/*/*.h) || fail=1; \
	exit $$fail

# ---------------------------------------------------------------- bench

# A benchmark counts allocations by defining __wrap_malloc and friends
# (tests/bench/bench_util.h does): it is linked with --wrap=F for each
# __wrap_F it or the bench_util.h it includes defines. Benchmarks may
# use the sample records of the unit tests (tests/unit/samples.h) and the
# sample Diameter messages (tests/unit/diam_samples.h).
BENCH_WRAPPABLE := malloc calloc realloc free
BENCH_SAMPLES := $(wildcard tests/unit/samples.c tests/unit/diam_samples.c tests/unit/cdf_samples.c \
	tests/unit/rf_samples.c tests/unit/sdp_samples.c)
# one compiler run for several sources writes one of their .d files: the
# headers are prerequisites by name
BENCH_HEADERS := $(wildcard tests/bench/*.h tests/unit/*samples.h)
# bench_diameter and bench_ro measure against freeDiameter
# (libfreediameter-dev): those benchmarks link it, the library never does.
# Without it make bench says SKIP for them (FAIL when CI=true).
HAVE_FREEDIAMETER := $(shell test -f /usr/include/freeDiameter/libfdproto.h && echo yes)
$(B)/bench/bench_diameter $(B)/bench/bench_ro: BENCH_LIBS := -lfdcore -lfdproto -ldl
BENCH_SKIPPED := $(if $(HAVE_FREEDIAMETER),,$(B)/bench/bench_diameter $(B)/bench/bench_ro)

$(B)/bench/%: tests/bench/%.c $(BENCH_SAMPLES) $(BENCH_HEADERS) $(STATIC_LIB) \
		$(B)/asn1c/libasn1c_stock.a | $(B)/bench
	$(CC) -O2 -g -std=c11 -Wall -Wextra -Werror -Iinclude -Itests/unit \
	    -isystem $(ORACLE_GEN) $(JANSSON_CFLAGS) -MMD -MP -MF $@.d -MT $@ \
	    $(LDFLAGS) -o $@ $< $(BENCH_SAMPLES) $(STATIC_LIB) \
	    $(B)/asn1c/libasn1c_stock.a $(BENCH_LIBS) $(JANSSON_LIBS) \
	    $$(src="$<"; grep -q '"bench_util.h"' $< && src="$$src tests/bench/bench_util.h"; \
	      for f in $(BENCH_WRAPPABLE); do \
	        grep -q "__wrap_$$f *(" $$src && printf ' -Wl,--wrap=%s' $$f; done)

.PHONY: bench
bench: $(filter-out $(BENCH_SKIPPED),$(BENCH_BINS))
	@[ -n "$(BENCH_BINS)" ] || echo "no benchmarks in tests/bench/"
	@set -e; for b in $(BENCH_SKIPPED); do \
	  if [ "$(CI)" = true ]; then \
	    echo "FAIL: $$b: libfreediameter-dev not installed (CI=true)"; exit 1; fi; \
	  echo "SKIP: $$b: libfreediameter-dev not installed"; \
	done; \
	for b in $(filter-out $(BENCH_SKIPPED),$(BENCH_BINS)); do echo "$$b"; $$b; done

# bench-scale: bench_cdf's scaling runs up to 1M open sessions (START,
# INTERIM, STOP of each); it needs about 2 GB of memory.
.PHONY: bench-scale
bench-scale: $(B)/bench/bench_cdf
	$(B)/bench/bench_cdf --scale

# ---------------------------------------------------------------- fuzz

$(B)/fuzz/fuzz_%: $(B)/fuzz/obj/tests/fuzz/fuzz_%.o $(FUZZ_LIB_OBJS)
	$(CLANG) -g -fsanitize=fuzzer,$(FUZZ_SAN) $(LDFLAGS) -o $@ $^ \
	    $(JANSSON_LIBS)
$(B)/fuzz/fuzz_scenario: $(FUZZ_SCN_OBJS)

# tests/fuzz/run.sh runs every target on a scratch copy of its corpus
# (under $(B)/fuzz/work/<name>/) and ends with one table: executions,
# seconds, corpus files, coverage and findings per target. make fuzz: random
# seeds (FUZZ_SEED to fix one), FUZZ_SECONDS per target, FUZZ_MERGE=1 merges
# what was found into tests/fuzz/corpus/<name>/; FUZZ_TARGETS picks some.
# make check-fuzz: seed 1 and the fixed runs of tests/fuzz/budget.
FUZZ_TARGETS ?= $(FUZZ_NAMES)
.PHONY: fuzz
fuzz: $(FUZZ_BINS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_MERGE=$(FUZZ_MERGE) \
	    bash tests/fuzz/run.sh fuzz $(B) $(FUZZ_TARGETS)

# ---------------------------------------------------------------- doc

# The reference: one HTML page per header, the guides (docs/guide/*.md),
# an index of every function, type and constant; man pages: section 3 for
# every function and header, section 1 for every example.
DOC_HEADERS := $(wildcard include/webrtc_chg/*.h)
DOC_GUIDES := $(wildcard docs/guide/*.md)
DOC_TOOLS := $(EXAMPLES:%=examples/%.c)
DOC_ARGS = $(DOC_HEADERS) --guides $(DOC_GUIDES) --tools $(DOC_TOOLS)
DOC_DATE = $(shell git log -1 --format=%cs 2>/dev/null)

.PHONY: doc
doc: $(B)/doc/index.html

$(B)/doc/index.html: docs/tools/wchgdoc.py $(DOC_HEADERS) $(DOC_GUIDES) $(DOC_TOOLS)
	rm -rf $(B)/doc
	$(PYTHON) docs/tools/wchgdoc.py build --out $(B)/doc --version $(VERSION) \
	    --date "$(DOC_DATE)" $(DOC_ARGS)

# ---------------------------------------------------------------- install

$(B)/webrtc_chg.pc: pkgconfig/webrtc_chg.pc.in include/webrtc_chg/common.h \
		| $(B)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(PC_LIBDIR)|g' \
	    -e 's|@INCLUDEDIR@|$(PC_INCLUDEDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    $< >$@.tmp
	mv $@.tmp $@

# Directories under PREFIX are written relative to ${prefix}.
PC_LIBDIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))
PC_INCLUDEDIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))

# ---------------------------------------------------------------- generated

# lib/diameter/dict_meta.inc: the reader's facts derived from the dictionary
# table (lib/diameter/dict.c). Regenerate after changing the table; test_dict fails while
# it is stale. Built against a dict.c without the old file (bootstrap).
.PHONY: dict-meta
dict-meta: | $(B)
	$(CC) -std=c11 -O1 -DWCHG_DICT_META_BOOTSTRAP -Iinclude -Ilib -o $(B)/gen_dict_meta \
	    tests/tools/gen_dict_meta.c $(LIB_SRCS) $(JANSSON_LIBS)
	$(B)/gen_dict_meta > lib/diameter/dict_meta.inc.new && \
	    mv lib/diameter/dict_meta.inc.new lib/diameter/dict_meta.inc

# The .pc file depends on PREFIX and friends: rebuild it on every install.
.PHONY: install uninstall FORCE
$(B)/webrtc_chg.pc: FORCE
FORCE:

install: all doc $(B)/webrtc_chg.pc
	$(INSTALL) -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/webrtc_chg \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	$(INSTALL) -m 644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/
	$(INSTALL) -m 755 $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(SHARED_LIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/$(LIBNAME).so
	$(INSTALL) -m 644 include/webrtc_chg/*.h \
	    $(DESTDIR)$(INCLUDEDIR)/webrtc_chg/
	$(INSTALL) -m 644 $(B)/webrtc_chg.pc $(DESTDIR)$(PKGCONFIGDIR)/
	$(INSTALL) -m 644 $(B)/doc/man/man1/*.1 $(DESTDIR)$(MANDIR)/man1/
	$(INSTALL) -m 644 $(B)/doc/man/man3/*.3 $(DESTDIR)$(MANDIR)/man3/

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/$(LIBNAME).a \
	    $(DESTDIR)$(LIBDIR)/$(LIBNAME).so.$(VERSION) \
	    $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/$(LIBNAME).so \
	    $(DESTDIR)$(PKGCONFIGDIR)/webrtc_chg.pc
	rm -rf $(DESTDIR)$(INCLUDEDIR)/webrtc_chg
	@set -e; pages=$$($(PYTHON) docs/tools/wchgdoc.py list-man $(DOC_ARGS)); \
	echo "rm -f $(DESTDIR)$(MANDIR)/man{1,3}/... ($$(echo $$pages | wc -w) man pages)"; \
	for p in $$pages; do rm -f $(DESTDIR)$(MANDIR)/$$p; done

# ---------------------------------------------------------------- clean

.PHONY: clean
clean:
	rm -rf $(B)

# Binaries and archives are never left half-written.
.DELETE_ON_ERROR:
