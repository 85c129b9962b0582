/*
 * schema.c: the three types of the tables (schema_tables.h) that every
 * reader names (schema.h), and the names of enumerated values.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stddef.h>
#include <string.h>

#include "cdr/schema.h"
#include "cdr/schema_tables.h"

_Static_assert(sizeof(wchg_involved_party_choice) == sizeof(int), "choice enums are int");
_Static_assert(sizeof(wchg_ip_address_choice) == sizeof(int), "choice enums are int");
_Static_assert(sizeof(wchg_node_address_choice) == sizeof(int), "choice enums are int");

const struct wt wchgi_pcscf_record_type = PCSCF_RECORD_TYPE;
const struct wt wchgi_webrtc_info_type = WEBRTC_INFO_TYPE;
const struct wt wchgi_management_extension_type = MANAGEMENT_EXTENSION_TYPE;

const char *wchgi_enum_name(const struct wenum *names, int64_t v) {
  for (; names && names->name; names++)
    if (names->value == v)
      return names->name;
  return NULL;
}
