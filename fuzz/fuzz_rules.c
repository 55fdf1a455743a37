/* fuzz_rules.c: libFuzzer target for the rule book and the explanation
 * catalogue (src/ims/rules.c, explain.c) over whole messages. The input is
 * parsed as a wire message; when it is not one, it goes through the paste
 * normaliser first (the way imsreg decode reads it). Besides "no crash, no
 * read past the end", it checks the finding contract: a known rule id, the
 * rule's severity and ref, an offset inside the message, a message text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/ims.h>
#include <imsreg/paste.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct sip_msg *current;

static void finding_cb(const struct ims_finding *f, void *arg)
{
	size_t n;
	const struct ims_rule_info *rules = ims_rules_list(&n);
	bool known = false;
	(void)arg;
	for (size_t i = 0; i < n; i++)
		if (rules[i].id == f->id && rules[i].severity == f->severity &&
		    rules[i].ref == f->ref)
			known = true;
	/* current NULL: the end of a capture's, which names no place (a
	 * binding's Contact, an AOR's To) */
	if (!known || (current ? f->offset > current->len
			       : f->offset != 0 || (f->hdr != SIP_HDR_CONTACT && f->hdr != SIP_HDR_TO)))
		abort();
	for (size_t i = 0; i < n && current && sip_msg_is_fields(current); i++)
		if (rules[i].id == f->id && !rules[i].fields)
			abort(); /* a rule of the message as a whole on fields alone */
	size_t len = strnlen(f->message, sizeof f->message);
	if (len == 0 || len == sizeof f->message)
		abort();
	if (f->hdr_name.ptr && (!current || f->hdr_name.ptr < current->buf ||
				f->hdr_name.ptr + f->hdr_name.len > current->buf + current->len))
		abort();
}

static bool in_text(const struct ims_flow_call *fc, struct slice s)
{
	if (!s.ptr)
		return true;
	return s.ptr >= fc->text && s.len < fc->text_size &&
	       (size_t)(s.ptr - fc->text) <= fc->text_size - s.len - 1 && s.ptr[s.len] == '\0';
}

/* The flow's invariants: each string of a record in its block, NUL-ended;
 * a UE's SA record well formed; the records in use, the index's and the use order's counts equal. */
static void check_flow(const struct ims_flow *f)
{
	size_t used = 0, indexed = 0, ordered = 0;
	for (size_t i = 0; i < f->ncalls; i++) {
		const struct ims_flow_call *fc = &f->call[i];
		if (!fc->call_id.ptr)
			continue;
		used++;
		if (!in_text(fc, fc->call_id) || !in_text(fc, fc->reg_branch) ||
		    !in_text(fc, fc->ch_sec_server) || !in_text(fc, fc->reg_sec_client) ||
		    !in_text(fc, fc->granted) || !in_text(fc, fc->sr) || fc->ch_nnonce > IMS_FLOW_NONCES ||
		    !in_text(fc, fc->grant_aor) || !in_text(fc, fc->grant_contact) ||
		    fc->granted_n > IMS_FLOW_GRANTED || (fc->granted_n && !fc->granted.ptr) ||
		    fc->sr_n > IMS_FLOW_GRANTED || (fc->sr_n && !fc->sr.ptr) || !in_text(fc, fc->pau) ||
		    fc->pau_n > IMS_FLOW_GRANTED || (fc->pau_n && !fc->pau.ptr))
			abort();
		/* a UE's SA record: its P-CSCF's address NUL-ended, a set in use */
		if (fc->have_sa && (!memchr(fc->sa_pcscf, '\0', sizeof fc->sa_pcscf) || !fc->sa[0].uc ||
				    fc->call_id.len < 5 || fc->call_id.ptr[0] != '\001'))
			abort();
		for (size_t k = 0; k < IMS_FLOW_NONCES; k++)
			if (!in_text(fc, fc->ch_nonce[k]) || !in_text(fc, fc->ch_realm[k]) ||
			    !in_text(fc, fc->ch_opaque[k]) || (k >= fc->ch_nnonce && fc->ch_nonce[k].ptr))
				abort();
	}
	for (size_t b = 0; b < f->nbucket; b++)
		for (uint32_t id = f->bucket[b]; id; id = f->call[id - 1].hash_next)
			if (++indexed > f->ncalls || (f->call[id - 1].hash & (f->nbucket - 1)) != b)
				abort();
	for (uint32_t id = f->lru_head; id; id = f->call[id - 1].lru_next)
		if (++ordered > f->ncalls)
			abort();
	if (used != f->nused || indexed != used || ordered != used)
		abort();
}

/* fields: header fields with no start line (a paste of them alone), read
 * by sip_fields_parse: only the rules marked fields may speak */
static void run_msg(const char *buf, size_t len, struct ims_flow *input, bool fields)
{
	struct sip_hdr hdrs[96];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 96);
	if ((fields ? sip_fields_parse(&msg, buf, len, SIP_PARSE_LENIENT, &err)
		    : sip_msg_parse(&msg, buf, len, SIP_PARSE_LENIENT, &err)) < 0)
		return;
	current = &msg;
	int n = ims_rules_check(&msg, finding_cb, NULL);
	if (n < 0)
		abort();
	/* the packet rules, as for a capture's message: a source address and
	 * ports taken from the message's length (UDP and TCP, IPv4 and IPv6) */
	struct ims_packet pk = { .udp = len & 1 };
	pk.ends.ver = len & 2 ? 6 : 4;
	snprintf(pk.ends.src, sizeof pk.ends.src, "%s", len & 2 ? "2001:db8::1" : "10.0.0.1");
	snprintf(pk.ends.dst, sizeof pk.ends.dst, "%s", len & 2 ? "2001:db8::2" : "10.0.0.2");
	pk.ends.ports = true;
	pk.ends.sport = (uint16_t)(5060 + (len & 7));
	pk.ends.dport = (uint16_t)(5060 + (len >> 3 & 7));
	/* a time from the length too, so that the timed rules (a refresh
	 * against its binding's grant, a retransmission) see messages of a
	 * paste early and late against each other, up to 15 days apart */
	pk.sec = (int64_t)(len * 7919u % 1300000u);
	pk.usec = (uint32_t)(len * 104729u % 1000000u);
	/* one in eight says where and not when (a hex dump's headers), one in
	 * eight when and not where (SIPp's log), one in eight when to the
	 * second (a log's time stamp) */
	if ((len >> 6 & 7) == 1)
		pk.untimed = true;
	else if ((len >> 6 & 7) == 2)
		memset(&pk.ends, 0, sizeof pk.ends);
	else if ((len >> 6 & 7) == 3)
		memset(&pk.ends, 0, sizeof pk.ends), pk.coarse = true;
	if (ims_rules_check_packet(&msg, NULL, &pk, finding_cb, NULL) < 0)
		abort();
	/* the flow rules: the message after itself (a retransmission, or a
	 * 401 and a REGISTER of one Call-ID), then after the messages before
	 * it in the paste (input, a table of two records, Call-IDs evicted and
	 * back, or of 16 for an even size, room for a binding's records); each
	 * record's strings inside its text block and terminated,
	 * the index and the use order holding every record in use */
	struct ims_flow flow;
	ims_flow_init(&flow);
	if (ims_rules_check_packet(&msg, &flow, &pk, finding_cb, NULL) < 0 ||
	    ims_rules_check_flow(&msg, &flow, finding_cb, NULL) < 0 ||
	    ims_rules_check_packet(&msg, &flow, &pk, finding_cb, NULL) < 0)
		abort();
	check_flow(&flow);
	/* the end of the capture, up to 45 days after the message */
	current = NULL;
	if (ims_rules_check_end(&flow, pk.sec + (int64_t)(len * 31u % 3900000u), 0, len & 8, finding_cb, NULL) < 0)
		abort();
	current = &msg;
	ims_flow_fini(&flow);
	if (input) {
		if (ims_rules_check_packet(&msg, input, len & 4 ? &pk : NULL, finding_cb, NULL) < 0)
			abort();
		check_flow(input);
		if (input->nused > input->max_calls || input->nomem)
			abort();
	}
	for (uint16_t i = 0; i < msg.nhdrs; i++) {
		const struct ims_explain *e = ims_explain_header(msg.hdrs[i].id, msg.hdrs[i].name);
		if (!e || !e->meaning || !e->ref)
			abort();
		struct sip_param_it it;
		struct sip_param p;
		sip_param_it_init(&it, msg.hdrs[i].value);
		for (int k = 0; k < 16 && sip_param_next(&it, &p, &err) == 1; k++) {
			e = ims_explain_param(msg.hdrs[i].id, p.name);
			if (e && (!e->meaning || !e->ref))
				abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sip_hdr hdrs[96];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 96);
	if (sip_msg_parse(&msg, (const char *)data, size, SIP_PARSE_LENIENT, &err) >= 0) {
		run_msg((const char *)data, size, NULL, false);
		return 0;
	}
	struct paste p;
	struct ims_flow input;
	paste_init(&p);
	ims_flow_init(&input);
	input.max_calls = size & 1 ? 2 : 16;
	if (paste_normalise(&p, (const char *)data, size, &err) == 0)
		for (size_t i = 0; i < p.nmsgs; i++)
			run_msg(p.text.ptr + p.msgs[i].offset, p.msgs[i].len, &input, p.msgs[i].fields);
	current = NULL;
	if (ims_rules_check_end(&input, (int64_t)(size * 7919u % 2600000u), 0, size & 2, finding_cb, NULL) < 0)
		abort();
	ims_flow_fini(&input);
	paste_fini(&p);
	return 0;
}
