/*
 * asn1c_check: independent BER/DER oracle built on asn1c 0.9.28 code.
 *
 * Usage: asn1c_check [--print] FILE...
 *
 * Each FILE holds one or more concatenated IMSRecord encodings.  For each
 * record: ber_decode (with a stack limit) must succeed, der_encode of the
 * decoded value must give back exactly the input bytes.  When a
 * recordExtensions entry carries our WebRTC OID, its information is also
 * decoded as WebRTCChargingInfo and must re-encode to the same bytes.
 *
 * Prints one line per failing record, then
 *     asn1c-check: N records, M identical
 * and exits 1 if any record failed (or a file could not be read), else 0.
 * --print writes each decoded record (and our extension) as XER to stdout.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "IMSRecord.h"
#include "ManagementExtension.h"
#include "ManagementExtensions.h"
#include "WebRTCChargingInfo.h"

#define CHECK_STACK_LIMIT (64 * 1024)

/*
 * Content octets of id-wchg-webrtc-charging-info,
 * { 2 25 5598156561435908837116669823258990788 }: first octet 2*40+25,
 * then the UUID arc in base 128.  tests/vectors/make_vectors.py derives
 * the same octets from the decimal arc, and erl_check takes the value
 * from the compiled module, so a slip here shows up as a mismatch there.
 */
static const uint8_t webrtc_oid[] = {
	0x69, 0x88, 0xb6, 0x95, 0x9b, 0xb4, 0xc5, 0xc2, 0xb9, 0xc3,
	0xa4, 0xae, 0xcb, 0xce, 0xde, 0xfe, 0xc0, 0xb1, 0x44
};

struct outbuf {
	uint8_t *data;
	size_t len;
	size_t cap;
};

static int
outbuf_append(const void *buf, size_t size, void *app_key)
{
	struct outbuf *ob = app_key;

	if (ob->len + size > ob->cap) {
		size_t ncap = ob->cap ? ob->cap : 256;
		uint8_t *n;

		while (ncap < ob->len + size)
			ncap *= 2;
		n = realloc(ob->data, ncap);
		if (!n)
			return -1;
		ob->data = n;
		ob->cap = ncap;
	}
	memcpy(ob->data + ob->len, buf, size);
	ob->len += size;
	return 0;
}

static int
read_file(const char *path, uint8_t **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		return -1;
	for (;;) {
		size_t got;

		if (n == cap) {
			uint8_t *nb;

			cap = cap ? cap * 2 : 4096;
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return -1;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	*data = buf;
	*len = n;
	return 0;
}

/* Index of the first differing octet, or the shorter length. */
static size_t
first_diff(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	size_t i, n = alen < blen ? alen : blen;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return i;
	return n;
}

enum rt_result {
	RT_IDENTICAL = 0,	/* decoded, and DER gave back the input */
	RT_DIFFERENT = 1,	/* decoded, but the re-encoding differs */
	RT_UNDECODABLE = 2	/* no value; the record length is unknown */
};

/*
 * Decode the value at the start of |buf| as |td| and re-encode it as DER.
 * |*consumed| is the length of the decoded value.  On failure |why| says
 * what went wrong.  The decoded value is returned in |*out| for the caller
 * to free (even on failure).
 */
static enum rt_result
roundtrip(asn_TYPE_descriptor_t *td, const uint8_t *buf, size_t len,
	  void **out, size_t *consumed, char *why, size_t whylen)
{
	asn_codec_ctx_t ctx;
	asn_dec_rval_t dr;
	asn_enc_rval_t er;
	struct outbuf ob = { NULL, 0, 0 };
	size_t d;

	memset(&ctx, 0, sizeof ctx);
	ctx.max_stack_size = CHECK_STACK_LIMIT;
	*out = NULL;
	dr = ber_decode(&ctx, td, out, buf, len);
	*consumed = dr.consumed;
	if (dr.code != RC_OK) {
		snprintf(why, whylen, "%s: ber_decode %s after %zu bytes",
			 td->name, dr.code == RC_WMORE ? "wants more data"
			 : "failed", dr.consumed);
		return RT_UNDECODABLE;
	}
	er = der_encode(td, *out, outbuf_append, &ob);
	if (er.encoded < 0) {
		snprintf(why, whylen, "%s: der_encode failed in %s", td->name,
			 er.failed_type ? er.failed_type->name : "?");
		free(ob.data);
		return RT_DIFFERENT;
	}
	if (ob.len != dr.consumed || memcmp(ob.data, buf, ob.len) != 0) {
		d = first_diff(buf, dr.consumed, ob.data, ob.len);
		snprintf(why, whylen, "%s: DER re-encoding differs at byte %zu "
			 "of the value (input %zu bytes, output %zu bytes)",
			 td->name, d, dr.consumed, ob.len);
		free(ob.data);
		return RT_DIFFERENT;
	}
	free(ob.data);
	return RT_IDENTICAL;
}

static int
is_webrtc_oid(const OBJECT_IDENTIFIER_t *id)
{
	return id->size == (int)sizeof webrtc_oid
	       && memcmp(id->buf, webrtc_oid, sizeof webrtc_oid) == 0;
}

/*
 * Check every recordExtensions entry that carries our OID.
 * Returns the number of such entries decoded, or -1 on failure.
 */
static int
check_extensions(const IMSRecord_t *rec, int print, char *why, size_t whylen)
{
	const struct ManagementExtensions *exts;
	int i, found = 0;

	if (rec->present != IMSRecord_PR_pCSCFRecord)
		return 0;
	exts = rec->choice.pCSCFRecord.recordExtensions;
	if (!exts)
		return 0;
	for (i = 0; i < exts->list.count; i++) {
		const ManagementExtension_t *me = exts->list.array[i];
		void *info = NULL;
		size_t consumed;
		enum rt_result rc;

		if (!is_webrtc_oid(&me->identifier))
			continue;
		rc = roundtrip(&asn_DEF_WebRTCChargingInfo,
			       me->information.buf,
			       (size_t)me->information.size, &info, &consumed,
			       why, whylen);
		if (rc == RT_IDENTICAL
		    && consumed != (size_t)me->information.size) {
			snprintf(why, whylen, "WebRTCChargingInfo: %zu trailing "
				 "bytes in extension information",
				 (size_t)me->information.size - consumed);
			rc = RT_DIFFERENT;
		}
		if (rc == RT_IDENTICAL && print)
			xer_fprint(stdout, &asn_DEF_WebRTCChargingInfo, info);
		ASN_STRUCT_FREE(asn_DEF_WebRTCChargingInfo, info);
		if (rc != RT_IDENTICAL)
			return -1;
		found++;
	}
	return found;
}

/*
 * xer_fprint of asn1c 0.9.28 cannot print an OID arc wider than a long and
 * then stops printing altogether.  Our OID's content starts with 0x69
 * (2.25), so for printing only we shorten it to that first octet.
 */
static void
print_record(IMSRecord_t *rec)
{
	struct ManagementExtensions *exts = NULL;
	unsigned char *shortened = NULL;
	int i, any = 0;

	if (rec->present == IMSRecord_PR_pCSCFRecord)
		exts = rec->choice.pCSCFRecord.recordExtensions;
	if (exts && exts->list.count > 0)
		shortened = calloc((size_t)exts->list.count, 1);
	for (i = 0; shortened && i < exts->list.count; i++) {
		if (is_webrtc_oid(&exts->list.array[i]->identifier)) {
			exts->list.array[i]->identifier.size = 1;
			shortened[i] = 1;
			any = 1;
		}
	}
	if (any)
		printf("<!-- identifier 2.25 below stands for "
		       "id-wchg-webrtc-charging-info -->\n");
	if (xer_fprint(stdout, &asn_DEF_IMSRecord, rec) != 0)
		printf("\n<!-- xer_fprint failed -->\n");
	for (i = 0; shortened && i < exts->list.count; i++)
		if (shortened[i])
			exts->list.array[i]->identifier.size =
				(int)sizeof webrtc_oid;
	free(shortened);
}

/* Check one file; updates the counters, returns the number of failures. */
static unsigned long
check_file(const char *path, int print, unsigned long *records,
	   unsigned long *identical, unsigned long *extensions)
{
	uint8_t *data = NULL;
	size_t len = 0, off = 0;
	unsigned long idx = 0, failures = 0;
	char why[256];

	if (read_file(path, &data, &len) != 0) {
		printf("%s: cannot read: %s\n", path, strerror(errno));
		return 1;
	}
	if (len == 0) {
		printf("%s: empty file\n", path);
		free(data);
		return 1;
	}
	while (off < len) {
		void *rec = NULL;
		size_t consumed = 0;
		enum rt_result rc;
		int ext;

		(*records)++;
		rc = roundtrip(&asn_DEF_IMSRecord, data + off, len - off,
			       &rec, &consumed, why, sizeof why);
		if (rc != RT_UNDECODABLE && print)
			print_record(rec);
		if (rc == RT_IDENTICAL) {
			ext = check_extensions(rec, print, why, sizeof why);
			if (ext < 0)
				rc = RT_DIFFERENT;
			else
				*extensions += (unsigned long)ext;
		}
		ASN_STRUCT_FREE(asn_DEF_IMSRecord, rec);
		if (rc != RT_IDENTICAL) {
			printf("%s: record %lu at offset %zu: %s\n",
			       path, idx, off, why);
			failures++;
		} else {
			(*identical)++;
		}
		if (rc == RT_UNDECODABLE || consumed == 0)
			break;	/* cannot find the next record */
		off += consumed;
		idx++;
	}
	free(data);
	return failures;
}

int
main(int argc, char **argv)
{
	unsigned long records = 0, identical = 0, extensions = 0;
	unsigned long failures = 0;
	int print = 0, nfiles = 0, i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--print") == 0) {
			print = 1;
		} else if (strcmp(argv[i], "--help") == 0
			   || strcmp(argv[i], "-h") == 0) {
			printf("usage: %s [--print] FILE...\n", argv[0]);
			return 0;
		}
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--print") == 0)
			continue;
		nfiles++;
		failures += check_file(argv[i], print, &records, &identical,
				       &extensions);
	}
	if (nfiles == 0) {
		fprintf(stderr, "usage: %s [--print] FILE...\n", argv[0]);
		return 2;
	}
	printf("asn1c-check: %lu WebRTC extensions decoded\n", extensions);
	printf("asn1c-check: %lu records, %lu identical\n", records, identical);
	return failures || records != identical ? 1 : 0;
}
