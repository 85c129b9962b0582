/*
 * clash.c: link test. This program is linked with BOTH libwebrtc_chg.a and
 * an asn1c-generated codec of the same ASN.1 (libasn1c_fast.a), as a
 * P-CSCF that already embeds an asn1c codec would be. It encodes a record
 * with wchg_cdr_encode(), decodes the bytes with asn1c's ber_decode(),
 * checks the values, and checks that asn1c's der_encode() gives back the
 * same bytes. That it links at all proves the two share no symbol.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#include "IMSRecord.h"
#include "ListOfInvolvedParties.h"
#include "ManagementExtension.h"
#include "ManagementExtensions.h"
#include "WebRTCChargingInfo.h"

static int failures;

#define CHECK(cond)                                                          \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "clash: %s:%d: check failed: %s\n", __FILE__,          \
              __LINE__, #cond);                                              \
      failures++;                                                            \
    }                                                                        \
  } while (0)

static int same(const OCTET_STRING_t *os, const char *s) {
  return os && (size_t)os->size == strlen(s) && memcmp(os->buf, s, os->size) == 0;
}

struct outbuf {
  uint8_t buf[4096];
  size_t len;
};

static int collect(const void *data, size_t size, void *key) {
  struct outbuf *o = key;
  if (size > sizeof o->buf - o->len)
    return -1;
  memcpy(o->buf + o->len, data, size);
  o->len += size;
  return 0;
}

static void check_extension(const PCSCFRecord_t *r) {
  static const uint8_t oid[] = WCHG_WEBRTC_EXT_OID_BER;
  int found = 0;
  CHECK(r->recordExtensions != NULL);
  if (!r->recordExtensions)
    return;
  for (int i = 0; i < r->recordExtensions->list.count; i++) {
    const ManagementExtension_t *e = r->recordExtensions->list.array[i];
    WebRTCChargingInfo_t *info = NULL;
    if (e->identifier.size != WCHG_WEBRTC_EXT_OID_BER_LEN ||
        memcmp(e->identifier.buf, oid, sizeof oid) != 0)
      continue;
    found++;
    asn_dec_rval_t rv = ber_decode(NULL, &asn_DEF_WebRTCChargingInfo,
                                   (void **)&info, e->information.buf,
                                   e->information.size);
    CHECK(rv.code == RC_OK);
    CHECK(rv.consumed == (size_t)e->information.size);
    if (info) {
      CHECK(same(info->webRTCAuthenticationFunctionName, "waf.example.net"));
      CHECK(same(info->webRTCWebServerFunctionName, "wwsf.example.com"));
    }
    ASN_STRUCT_FREE(asn_DEF_WebRTCChargingInfo, info);
  }
  CHECK(found == 1);
}

int main(void) {
  static const uint8_t icid[] = "icid-clash-0001";
  static const uint8_t v4[4] = {192, 0, 2, 10};
  wchg_involved_party calling[] = {
      {WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@ims.example.org")},
      {WCHG_PARTY_TEL_URI, WCHG_STR("tel:+15551230001")},
  };
  wchg_cdr cdr;
  wchg_diag diag;
  uint8_t buf[2048];
  size_t len = 0;
  IMSRecord_t *rec = NULL;

  wchg_cdr_init(&cdr);
  cdr.ims.sip_method = WCHG_STR("INVITE");
  cdr.ims.role_of_node = WCHG_INT(WCHG_ROLE_ORIGINATING);
  cdr.node_address.choice = WCHG_NODE_IP_ADDRESS;
  cdr.node_address.ip_address.choice = WCHG_IP_BIN_V4;
  memcpy(cdr.node_address.ip_address.bin, v4, sizeof v4);
  cdr.ims.session_id = WCHG_STR("a84b4c76e66710@pcscf.example.org");
  cdr.ims.list_of_calling_party_address.items = calling;
  cdr.ims.list_of_calling_party_address.count = 2;
  cdr.ims.called_party_address.choice = WCHG_PARTY_SIP_URI;
  cdr.ims.called_party_address.value = WCHG_STR("sip:bob@ims.example.org");
  wchg_timestamp_set(&cdr.record_opening_time, 2026, 3, 1, 9, 30, 0, 60);
  cdr.local_record_sequence_number = WCHG_INT(4294967295u);
  cdr.ims.ims_charging_identifier.ptr = icid;
  cdr.ims.ims_charging_identifier.len = sizeof icid - 1;
  cdr.ims.webrtc_authentication_function_name = WCHG_STR("waf.example.net");
  cdr.ims.webrtc_web_server_function_name = WCHG_STR("wwsf.example.com");

  wchg_status st = wchg_cdr_encode(&cdr, buf, sizeof buf, &len, &diag);
  if (st != WCHG_OK) {
    fprintf(stderr, "clash: wchg_cdr_encode: %s: %s (%s)\n", diag.path,
            diag.message, wchg_strerror(st));
    return 1;
  }

  asn_dec_rval_t rv =
      ber_decode(NULL, &asn_DEF_IMSRecord, (void **)&rec, buf, len);
  CHECK(rv.code == RC_OK);
  CHECK(rv.consumed == len);
  if (rv.code == RC_OK && rec) {
    const PCSCFRecord_t *r = &rec->choice.pCSCFRecord;
    CHECK(rec->present == IMSRecord_PR_pCSCFRecord);
    CHECK(r->recordType == 64);
    CHECK(same(r->sIP_Method, "INVITE"));
    CHECK(same(r->session_Id, "a84b4c76e66710@pcscf.example.org"));
    CHECK(r->list_Of_Calling_Party_Address &&
          r->list_Of_Calling_Party_Address->list.count == 2);
    CHECK(same(r->iMS_Charging_Identifier, "icid-clash-0001"));
    CHECK(r->localRecordSequenceNumber &&
          *r->localRecordSequenceNumber == 4294967295ul);
    check_extension(r);

    struct outbuf out = {.len = 0};
    asn_enc_rval_t er = der_encode(&asn_DEF_IMSRecord, rec, collect, &out);
    CHECK(er.encoded == (ssize_t)len);
    CHECK(out.len == len && memcmp(out.buf, buf, len) == 0);
  }
  ASN_STRUCT_FREE(asn_DEF_IMSRecord, rec);

  if (failures) {
    fprintf(stderr, "clash: %d check(s) failed\n", failures);
    return 1;
  }
  printf("clash: libwebrtc_chg %s and an asn1c codec linked together; "
         "%zu-byte record encoded by us, decoded and re-encoded identically "
         "by asn1c\n",
         wchg_version(), len);
  return 0;
}
