/* render.h: the pieces of a decoded message written to a report. */
#ifndef IMSREG_CLI_RENDER_H
#define IMSREG_CLI_RENDER_H

#include "cli/cli.h"
#include "cli/report.h"

/* One header: name (as written, long name), line, value, meaning, ref and
 * every decoded part. Returns the number of parts that failed to decode. */
int cli_report_header(struct report *r, const struct cli_msg *m, const struct sip_hdr *h);
/* A REGISTER, or a response whose CSeq method is REGISTER: the messages
 * the registration's explanations and checks are written for. */
bool cli_msg_is_registration(const struct sip_msg *msg);
/* A decode error at perr->at (or fallback_at) with its line and column in
 * the user's input. */
void cli_report_error(struct report *r, const struct cli_msg *m, int rc,
		      const struct sip_parse_error *perr, const char *fallback_at);
/* JSON only: {reason, line, column} under key (the object of
 * cli_report_error, and of a body's message_error and parts_error). */
void cli_report_error_record(struct report *r, const char *key, const char *reason, unsigned line,
			     unsigned col);

#endif
