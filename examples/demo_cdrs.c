/*
 * demo_cdrs: build two eP-CSCF WebRTC CDRs, check them, write them as DER.
 *
 *   demo_cdrs [--out DIR]        (DIR defaults to ".")
 *
 * h3.der  use case H.3 (TS 23.228 Annex U): an IMS subscriber registered
 *         from a browser with web credentials. The WAF (waf.example.net)
 *         vouched for the user and the page came from the WWSF
 *         (wwsf.example.com); the subscriber pays. An audio+video INVITE
 *         session record.
 * h4.der  use case H.4: a third-party web site hands out IMS identities
 *         from a pool to its (anonymous) users. The temporary IMPI/IMPU
 *         says nothing about who pays: the WAF and WWSF identities of the
 *         site do. A MESSAGE event record.
 *
 * For each record: wchg_cdr_validate() with the WebRTC profile, DER
 * encoding, a decode of the written bytes, and one summary line. Exits 1
 * if a record does not validate or does not survive the round trip.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <webrtc_chg/webrtc_chg.h>

#include "file_out.h"

#define OCTETS(s) ((wchg_octets){(const uint8_t *)(s), sizeof(s) - 1})
#define LIST(a) {(a), sizeof(a) / sizeof((a)[0])}

/* Times are fixed so that the demo output is the same on every run. */
static wchg_timestamp at(int y, int mo, int d, int h, int mi, int s,
                         int offset) {
  wchg_timestamp ts = {0};
  if (wchg_timestamp_set(&ts, y, mo, d, h, mi, s, offset) != WCHG_OK) {
    fprintf(stderr, "demo_cdrs: bad demo time\n");
    exit(1);
  }
  return ts;
}

/* ---------------------------------------------------------------- H.3 */

static const wchg_involved_party h3_calling[] = {
    {WCHG_PARTY_SIP_URI, WCHG_STR("sip:+447700900123@ims.example.org")},
    {WCHG_PARTY_TEL_URI, WCHG_STR("tel:+447700900123")},
};
static const wchg_involved_party h3_associated[] = {
    {WCHG_PARTY_SIP_URI, WCHG_STR("sip:+447700900123@ims.example.org")},
    {WCHG_PARTY_TEL_URI, WCHG_STR("tel:+447700900123")},
};
static const wchg_involved_party h3_called_asserted[] = {
    {WCHG_PARTY_TEL_URI, WCHG_STR("tel:+447700900456")},
};
static const wchg_str h3_audio_desc[] = {
    WCHG_STR("a=rtpmap:111 opus/48000/2"),
    WCHG_STR("a=fmtp:111 minptime=10;useinbandfec=1"),
    WCHG_STR("b=AS:64"),
};
static const wchg_str h3_video_desc[] = {
    WCHG_STR("a=rtpmap:96 VP8/90000"),
    WCHG_STR("b=AS:1500"),
};
static const wchg_sdp_media_component h3_media[] = {
    {.sdp_media_name = WCHG_STR("m=audio 49170 UDP/TLS/RTP/SAVPF 111"),
     .sdp_media_descriptions = LIST(h3_audio_desc)},
    {.sdp_media_name = WCHG_STR("m=video 49172 UDP/TLS/RTP/SAVPF 96"),
     .sdp_media_descriptions = LIST(h3_video_desc)},
};
static const wchg_str h3_session_desc[] = {
    WCHG_STR("v=0"),
    WCHG_STR("o=- 4611731400430051336 2 IN IP4 203.0.113.45"),
    WCHG_STR("s=-"),
    WCHG_STR("c=IN IP4 203.0.113.45"),
    WCHG_STR("t=0 0"),
};
static const wchg_subscription_id h3_subscription[] = {
    {WCHG_INT(WCHG_END_USER_SIP_URI),
     WCHG_STR("sip:+447700900123@ims.example.org")},
    {WCHG_INT(WCHG_END_USER_E164), WCHG_STR("447700900123")},
};
static const wchg_str h3_reason[] = {
    WCHG_STR("Q.850;cause=16;text=\"Normal call clearing\""),
};

static void h3_set_media(wchg_ims_info *ims, wchg_media_components_list *mcl);
static void h3_set_identities(wchg_ims_info *ims);

static void build_h3(wchg_cdr *cdr, wchg_media_components_list *mcl) {
  wchg_ims_info *ims = &cdr->ims;

  wchg_cdr_init(cdr);
  ims->sip_method = WCHG_STR("INVITE");
  ims->role_of_node = WCHG_INT(WCHG_ROLE_ORIGINATING);
  cdr->node_address.choice = WCHG_NODE_IP_ADDRESS;
  cdr->node_address.ip_address.choice = WCHG_IP_BIN_V4;
  memcpy(cdr->node_address.ip_address.bin, (uint8_t[]){198, 51, 100, 10}, 4);
  ims->session_id =
      WCHG_STR("f81d4fae-7dec-11d0-a765-00a0c91e6bf6@wic.example.com");
  ims->list_of_calling_party_address =
      (wchg_involved_party_list)LIST(h3_calling);
  ims->called_party_address =
      (wchg_involved_party){WCHG_PARTY_TEL_URI, WCHG_STR("tel:+447700900456")};
  /* the IMPI the eP-CSCF mapped from the web identity */
  ims->private_user_id = WCHG_STR("447700900123@ims.example.org");
  ims->service_request_time_stamp = at(2026, 3, 2, 10, 15, 0, 60);
  ims->service_delivery_start_time_stamp = at(2026, 3, 2, 10, 15, 7, 60);
  ims->service_delivery_end_time_stamp = at(2026, 3, 2, 10, 27, 41, 60);
  ims->service_request_time_stamp_fraction = WCHG_INT(120);
  ims->service_delivery_start_time_stamp_fraction = WCHG_INT(455);
  ims->service_delivery_end_time_stamp_fraction = WCHG_INT(38);
  cdr->record_opening_time = at(2026, 3, 2, 10, 15, 0, 60);
  cdr->record_closure_time = at(2026, 3, 2, 10, 27, 41, 60);
  ims->inter_operator_identifiers =
      (wchg_inter_operator_identifiers){true, WCHG_STR("ims.example.org"),
                                        WCHG_STR("ims.partner.example")};
  cdr->local_record_sequence_number = WCHG_INT(1001);
  cdr->cause_for_record_closing =
      WCHG_INT(WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY);
  ims->ims_charging_identifier = OCTETS("epcscf1.ims.example.org-1772442900-7");
  h3_set_media(ims, mcl);
  h3_set_identities(ims);
}

/* The media negotiated by the INVITE and its 200 OK. */
static void h3_set_media(wchg_ims_info *ims, wchg_media_components_list *mcl) {
  memset(mcl, 0, sizeof *mcl);
  mcl->sip_request_timestamp = at(2026, 3, 2, 10, 15, 0, 60);
  mcl->sip_response_timestamp = at(2026, 3, 2, 10, 15, 7, 60);
  mcl->sip_request_timestamp_fraction = WCHG_INT(120);
  mcl->sip_response_timestamp_fraction = WCHG_INT(455);
  mcl->sdp_media_components = (wchg_sdp_media_component_list)LIST(h3_media);
  mcl->sdp_session_description = (wchg_str_list)LIST(h3_session_desc);
  mcl->sdp_type = WCHG_INT(WCHG_SDP_OFFER);
  ims->list_of_sdp_media_components =
      (wchg_media_components_list_list){mcl, 1};
}

/* The subscriber's identities, its access, and the WebRTC identities. */
static void h3_set_identities(wchg_ims_info *ims) {
  ims->list_of_associated_uri = (wchg_involved_party_list)LIST(h3_associated);
  ims->access_network_information = OCTETS("IEEE-802.11");
  ims->service_context_id = WCHG_STR("32260@3gpp.org");
  ims->list_of_subscription_id =
      (wchg_subscription_id_list)LIST(h3_subscription);
  ims->ims_communication_service_identifier =
      OCTETS("urn:urn-7:3gpp-service.ims.icsi.mmtel");
  ims->list_of_called_asserted_identity =
      (wchg_involved_party_list)LIST(h3_called_asserted);
  ims->served_party_ip_address.choice = WCHG_IP_BIN_V4;
  memcpy(ims->served_party_ip_address.bin, (uint8_t[]){203, 0, 113, 45}, 4);
  ims->from_address =
      OCTETS("<sip:+447700900123@ims.example.org>;tag=1928301774");
  ims->list_of_reason_header = (wchg_str_list)LIST(h3_reason);
  ims->instance_id =
      OCTETS("<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>");

  /* the WebRTC identities, from the registration's authorization-entity
   * and the web page's origin */
  ims->webrtc_authentication_function_name = WCHG_STR("waf.example.net");
  ims->webrtc_web_server_function_name = WCHG_STR("wwsf.example.com");
}

/* ---------------------------------------------------------------- H.4 */

static const wchg_involved_party h4_calling[] = {
    {WCHG_PARTY_SIP_URI,
     WCHG_STR("sip:pool-0042@webrtc-pool.ims.example.org")},
};
static const wchg_message_body h4_bodies[] = {
    {.content_type = WCHG_STR("text/plain;charset=UTF-8"),
     .content_disposition = WCHG_STR("render"),
     .content_length = WCHG_INT(42),
     .originator = {WCHG_PARTY_SIP_URI,
                    WCHG_STR("sip:pool-0042@webrtc-pool.ims.example.org")}},
};
static const wchg_subscription_id h4_subscription[] = {
    {WCHG_INT(WCHG_END_USER_SIP_URI),
     WCHG_STR("sip:pool-0042@webrtc-pool.ims.example.org")},
};

static void h4_set_event(wchg_cdr *cdr);

static void build_h4(wchg_cdr *cdr) {
  static const uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x04, 0x00,
                                 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x42};
  wchg_ims_info *ims = &cdr->ims;

  wchg_cdr_init(cdr);
  ims->sip_method = WCHG_STR("MESSAGE");
  ims->role_of_node = WCHG_INT(WCHG_ROLE_ORIGINATING);
  cdr->node_address.choice = WCHG_NODE_DOMAIN_NAME;
  cdr->node_address.domain_name = WCHG_STR("epcscf2.ims.example.org");
  ims->session_id = WCHG_STR("3848276298220188511@wic.shop.example.com");
  ims->list_of_calling_party_address =
      (wchg_involved_party_list)LIST(h4_calling);
  ims->called_party_address =
      (wchg_involved_party){WCHG_PARTY_TEL_URI, WCHG_STR("tel:+15555550100")};
  /* a temporary identity from the site's pool */
  ims->private_user_id = WCHG_STR("pool-0042@webrtc-pool.ims.example.org");
  h4_set_event(cdr);
  ims->service_context_id = WCHG_STR("32260@3gpp.org");
  ims->list_of_subscription_id =
      (wchg_subscription_id_list)LIST(h4_subscription);
  ims->served_party_ip_address.choice = WCHG_IP_BIN_V6;
  memcpy(ims->served_party_ip_address.bin, v6, sizeof v6);

  /* who pays: the third-party site, named by its WAF and WWSF */
  ims->webrtc_authentication_function_name = WCHG_STR("waf.shop.example.com");
  ims->webrtc_web_server_function_name = WCHG_STR("www.shop.example.com");
}

/* The MESSAGE event: its time, the record's times, number and cause,
 * its charging identifier and its body. */
static void h4_set_event(wchg_cdr *cdr) {
  wchg_ims_info *ims = &cdr->ims;
  ims->service_request_time_stamp = at(2026, 3, 2, 14, 3, 21, -300);
  ims->service_request_time_stamp_fraction = WCHG_INT(250);
  /* an event record opens and closes at the event */
  cdr->record_opening_time = at(2026, 3, 2, 14, 3, 21, -300);
  cdr->record_closure_time = at(2026, 3, 2, 14, 3, 21, -300);
  cdr->local_record_sequence_number = WCHG_INT(77);
  cdr->cause_for_record_closing =
      WCHG_INT(WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY);
  ims->ims_charging_identifier = OCTETS("epcscf2.ims.example.org-1772478201-42");
  ims->list_of_message_bodies = (wchg_message_body_list)LIST(h4_bodies);
}

/* ---------------------------------------------------------------- output */

static void print_str(const wchg_str *s) {
  printf("%.*s", (int)s->len, s->ptr ? s->ptr : "");
}

/* The summary line of the decoded record |back| (|len| bytes in
 * |path|), and each problem validation found (|vst|, |count| of |diags|). */
static void print_summary(const char *path, size_t len, const char *use_case,
                          const wchg_cdr *back, wchg_status vst, const wchg_diag *diags,
                          size_t cap, size_t count) {
  printf("%s: %zu bytes, %s, %.*s ", path, len, use_case,
         (int)back->ims.sip_method.len, back->ims.sip_method.ptr);
  print_str(&back->ims.private_user_id);
  printf(", WAF ");
  print_str(&back->ims.webrtc_authentication_function_name);
  printf(", WWSF ");
  print_str(&back->ims.webrtc_web_server_function_name);
  printf(", validate: %s\n", vst == WCHG_OK ? "ok" : wchg_strerror(vst));
  for (size_t i = 0; i < count && i < cap; i++)
    printf("  %s: %s (%s)\n", diags[i].path, diags[i].message,
           wchg_strerror(diags[i].code));
}

/* Validate, encode, write, decode back, print one line; 0 when all went
 * well. */
static int emit(const char *dir, const char *name, const char *use_case,
                const wchg_cdr *cdr) {
  wchg_diag diags[16], d = {0};
  size_t count = 0, len = 0, used = 0;
  uint8_t buf[8192];
  char path[4096];
  wchg_cdr *back = NULL;

  wchg_status vst = wchg_cdr_validate(cdr, WCHG_VALIDATE_WEBRTC, diags,
                                      sizeof diags / sizeof diags[0], &count);
  wchg_status st = wchg_cdr_encode(cdr, buf, sizeof buf, &len, &d);
  if (st != WCHG_OK) {
    fprintf(stderr, "demo_cdrs: %s: encode: %s: %s (%s)\n", name, d.path,
            d.message, wchg_strerror(st));
    return -1;
  }
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if (write_file(path, buf, len) != 0) {
    fprintf(stderr, "demo_cdrs: %s: %s\n", path, strerror(errno));
    return -1;
  }
  st = wchg_cdr_decode(buf, len, NULL, &back, &used, &d);
  if (st != WCHG_OK || used != len) {
    fprintf(stderr, "demo_cdrs: %s: decode: %s: %s (%s)\n", name, d.path,
            d.message, wchg_strerror(st));
    wchg_cdr_free(back);
    return -1;
  }
  /* the summary comes from the decoded record */
  print_summary(path, len, use_case, back, vst, diags, sizeof diags / sizeof diags[0], count);
  wchg_cdr_free(back);
  return vst != WCHG_OK ? -1 : 0;
}

int main(int argc, char **argv) {
  const char *dir = ".";
  wchg_cdr h3, h4;
  wchg_media_components_list h3_mcl;
  int rc = 0;

  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
      dir = argv[++i];
    } else {
      fprintf(stderr, "usage: demo_cdrs [--out DIR]\n");
      return 2;
    }
  }
  if (make_dirs(dir) != 0) {
    fprintf(stderr, "demo_cdrs: %s: %s\n", dir, strerror(errno));
    return 1;
  }
  printf("webrtc_chg %s: two eP-CSCF WebRTC CDRs (PCSCFRecord, DER)\n",
         wchg_version());
  build_h3(&h3, &h3_mcl);
  build_h4(&h4);
  rc |= emit(dir, "h3.der", "H.3 IMS subscriber with web credentials", &h3);
  rc |= emit(dir, "h4.der", "H.4 pool identity of a third-party site", &h4);
  return rc ? 1 : 0;
}
