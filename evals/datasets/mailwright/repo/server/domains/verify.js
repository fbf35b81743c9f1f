// Sending-domain verification: the SPF record must include Mailwright, the DKIM CNAMEs must point at our keys.

export const SPF_INCLUDE = "spf.mailwright.dev";

/** resolveTxt gives each TXT record as its strings of up to 255 characters. */
export function spfIncludes(txtRecords, include = SPF_INCLUDE) {
  return txtRecords
    .map((chunks) => chunks.join(" "))
    .some((record) => record.startsWith("v=spf1") && record.split(/\s+/).includes(`include:${include}`));
}

export function dkimMatches(cnames, expected) {
  return cnames.some((target) => target.replace(/\.$/, "").toLowerCase() === expected.toLowerCase());
}

export async function verifyDomain(dns, domain, selector) {
  const txt = await dns.resolveTxt(domain).catch(() => []);
  if (!spfIncludes(txt)) return { verified: false, code: "spf_missing", message: `No SPF record of ${domain} includes ${SPF_INCLUDE}` };
  const cnames = await dns.resolveCname(`${selector}._domainkey.${domain}`).catch(() => []);
  if (!dkimMatches(cnames, `${selector}.dkim.mailwright.dev`)) return { verified: false, code: "dkim_mismatch", message: "The DKIM record does not point at Mailwright" };
  return { verified: true };
}
