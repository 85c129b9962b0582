# mk/oracle.mk: independent BER/DER oracles for the PCSCFRecord CDR.
#
# Included by the top Makefile.  Uses B (build directory, default build)
# and CC.  Everything generated goes under $(B); nothing here is committed.
#
#   $(B)/asn1c/gen.stamp          asn1c 0.9.28 output in $(B)/asn1c/gen/
#   $(B)/asn1c/libasn1c_fast.a    generated code, -O2, ASN_DEBUG compiled out
#   $(B)/asn1c/libasn1c_stock.a   generated code, -O2, asn1c's own ASN_DEBUG
#                                 (the "stock asn1c" benchmark reference)
#   $(B)/oracle/asn1c_check       tests/oracle/asn1c_check.c + the fast lib
#   $(B)/erl/*.beam               erlc -bber +der +maps (decode BER, encode DER),
#                                 and the oracle's own module with other
#                                 IMSRecord types (tests/oracle/*.asn)
#   $(B)/oracle/receive_check     tests/oracle/receive_check.c + our library:
#                                 the receive policy on the Erlang oracle's
#                                 records with bad values (erl_bad.escript)
#
# Phony helpers: oracle (build all of the above), oracle-check (run both
# oracles over $(ORACLE_VECTORS)), oracle-vectors (regenerate the
# committed vectors), oracle-clean.
#
# SPDX-License-Identifier: BSD-2-Clause

B ?= build

ASN1C ?= asn1c
ERLC ?= erlc
ESCRIPT ?= escript
PYTHON3 ?= python3
AR ?= ar

# This file, so that changing it rebuilds what it describes.
ORACLE_MK := $(lastword $(MAKEFILE_LIST))

ORACLE_ASN1 := asn1/WCHG-PCSCFRecord.asn asn1/WCHG-WebRTCChargingInfo.asn
ORACLE_ASN1C_FLAGS ?= -fcompound-names -fno-include-deps
ORACLE_GEN := $(B)/asn1c/gen

# Generated code only: -w silences asn1c's warnings.  The fast variant
# replaces asn1c's default ASN_DEBUG (a static variadic no-op function
# whose arguments are still evaluated at every call) by an empty macro.
ORACLE_GEN_CFLAGS ?= -O2 -w
ORACLE_FAST_DEFS := -D'ASN_DEBUG(...)=((void)0)'

# Our own oracle code; -isystem keeps warnings from generated headers out.
ORACLE_CFLAGS ?= -O2 -g -Wall -Wextra

ORACLE_ERLC_FLAGS ?= -bber +der +maps
ORACLE_BEAMS := $(patsubst asn1/%.asn,$(B)/erl/%.beam,$(ORACLE_ASN1))
# The oracle's own module: imports PCSCFRecord from our module's asn1db.
ORACLE_OWN_ASN1 := tests/oracle/WCHG-OracleRecords.asn
ORACLE_OWN_BEAMS := $(patsubst tests/oracle/%.asn,$(B)/erl/%.beam,$(ORACLE_OWN_ASN1))

ORACLE_VECTORS ?= $(wildcard tests/vectors/*.der)

# Do not let this fragment change the including Makefile's default goal
# (restored at the end of the file).
ORACLE_SAVED_GOAL := $(.DEFAULT_GOAL)

# asn1c writes into the current directory and copies its skeletons there.
# The sample converter has a main() and the sample Makefile is unused.
$(B)/asn1c/gen.stamp: $(ORACLE_ASN1) $(ORACLE_MK)
	rm -rf $(ORACLE_GEN) $@
	mkdir -p $(ORACLE_GEN)
	cd $(ORACLE_GEN) && $(ASN1C) $(ORACLE_ASN1C_FLAGS) \
	    $(abspath $(ORACLE_ASN1)) >../asn1c.log 2>&1 \
	    || { cat ../asn1c.log; exit 1; }
	rm -f $(ORACLE_GEN)/converter-sample.c $(ORACLE_GEN)/Makefile.am.sample
	touch $@

# One recipe compiles every generated file, because their names are only
# known once asn1c has run.  The two variants use separate object
# directories, so they can be built in parallel.
#   $(call oracle_archive,variant,extra cflags)
define oracle_archive
	rm -rf $(B)/asn1c/obj-$(1) $@
	mkdir -p $(B)/asn1c/obj-$(1)
	for src in $(ORACLE_GEN)/*.c; do \
	    obj=$(B)/asn1c/obj-$(1)/$$(basename $$src .c).o; \
	    $(CC) $(ORACLE_GEN_CFLAGS) $(2) -I$(ORACLE_GEN) -c $$src -o $$obj \
	        || exit 1; \
	done
	$(AR) rcs $@.tmp $(B)/asn1c/obj-$(1)/*.o
	mv $@.tmp $@
endef

$(B)/asn1c/libasn1c_fast.a: $(B)/asn1c/gen.stamp
	$(call oracle_archive,fast,$(ORACLE_FAST_DEFS))

$(B)/asn1c/libasn1c_stock.a: $(B)/asn1c/gen.stamp
	$(call oracle_archive,stock,)

$(B)/oracle/asn1c_check: tests/oracle/asn1c_check.c \
		$(B)/asn1c/libasn1c_fast.a
	mkdir -p $(@D)
	$(CC) $(ORACLE_CFLAGS) $(ORACLE_FAST_DEFS) -isystem $(ORACLE_GEN) \
	    -o $@ $< $(B)/asn1c/libasn1c_fast.a

# erlc also leaves the generated .erl, .hrl and .asn1db next to the beam.
$(B)/erl/%.beam: asn1/%.asn $(ORACLE_MK)
	mkdir -p $(@D)
	$(ERLC) $(ORACLE_ERLC_FLAGS) -o $(@D) $<

$(ORACLE_OWN_BEAMS): $(B)/erl/%.beam: tests/oracle/%.asn $(ORACLE_BEAMS) $(ORACLE_MK)
	$(ERLC) $(ORACLE_ERLC_FLAGS) -I $(@D) -o $(@D) $<

# Uses the library and Jansson as the Makefile that includes this builds them.
$(B)/oracle/receive_check: tests/oracle/receive_check.c $(STATIC_LIB)
	mkdir -p $(@D)
	$(CC) $(ORACLE_CFLAGS) -Iinclude $(JANSSON_CFLAGS) -o $@ $< $(STATIC_LIB) \
	    $(JANSSON_LIBS)

.PHONY: oracle oracle-check oracle-vectors oracle-clean
oracle: $(B)/asn1c/libasn1c_fast.a $(B)/asn1c/libasn1c_stock.a \
	$(B)/oracle/asn1c_check $(ORACLE_BEAMS) $(ORACLE_OWN_BEAMS)

oracle-check: $(B)/oracle/asn1c_check $(ORACLE_BEAMS)
	$(B)/oracle/asn1c_check $(ORACLE_VECTORS)
	$(ESCRIPT) tests/oracle/erl_check.escript $(B)/erl $(ORACLE_VECTORS)

oracle-vectors:
	$(PYTHON3) tests/vectors/make_vectors.py tests/vectors

oracle-clean:
	rm -rf $(B)/asn1c $(B)/oracle $(B)/erl

# Run on its own (make -f mk/oracle.mk), the default goal is oracle.
ifeq ($(firstword $(MAKEFILE_LIST)),$(ORACLE_MK))
.DEFAULT_GOAL := oracle
else
.DEFAULT_GOAL := $(ORACLE_SAVED_GOAL)
endif
