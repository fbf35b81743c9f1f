/**
 * Redaction: what leaves the warehouse (a transcript for a model, a stored report, a ticket, the digest)
 * goes through here first. Rules run in order, most specific first, so a token inside a URL is handled
 * by the URL rule before the generic key rule sees it. Placeholders are bracketed words that no rule
 * matches again, so redacting twice changes nothing.
 */

/** Query parameters whose value is a credential or personal data whatever it looks like. */
const SECRET_PARAM = /^(?:.*token.*|.*secret.*|.*passw.*|.*api[_-]?key.*|key|code|state|auth.*|sig|signature|session.*|email|e-mail|mail|phone|tel|ssn|jwt|nonce|otp|pin|credential.*)$/i;

const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
/** A path or relative URL with a query string: /signup?email=..., ?token=... */
const QUERY_RE = /([?&])([^=&#\s"'<>`]+)=([^&#\s"'<>`]*)/g;
const USERINFO_RE = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@:]+(?::[^/\s@]*)?@/gi;

const KEY_RULES: RegExp[] = [
  /\beyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]+/g, // JWT
  /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}/g, // Stripe-style
  /\bsk-(?:proj-)?[A-Za-z0-9_-]{16,}/g, // OpenAI-style
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}|\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS access key id
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API key
  /\b(?:lin_api|glpat|npm)_[A-Za-z0-9_-]{16,}/g,
  /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{12,}/gi,
  // Long opaque strings mixing upper case, lower case and digits: almost always a credential.
  /\b(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{32,}\b/g,
];
const SECRET_ASSIGNMENT = /\b((?:api[_-]?key|secret|password|passwd|token|access[_-]?token)\s*[:=]\s*)(?!\[(?:redacted|key)\])["']?[^\s"',;&#]{4,}["']?/gi;
const EMAIL_RE = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** 13-19 digits, run together or in the usual groups (4-4-4-x, Amex 4-6-5); redacted only when the Luhn check passes. */
/** An IBAN: country, check digits, then 11 to 30 letters and digits, printed in groups of four or not. */
const IBAN_RE = /(?<![\w-])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\w-])/g;
const CARD_RE = /(?<![\w-])(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{4,5})(?![\w-])/g;
const PHONE_RES: RegExp[] = [
  /(?<![\w+])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}\b/g, // +44 20 7946 0958, +1-415-555-0100
  /(?<![\w-])\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b/g, // (415) 555-0100
  /(?<![\w.-])\d{3}[.-]\d{3}[.-]\d{4}\b(?![.-]\d)/g, // 415-555-0100
];
const IPV4_RE = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g;
const IPV6_RE = /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}|::ffff:[0-9.]+)(?![\w:])/gi;

/** Redacts credentials and personal data from free text. Idempotent. */
export function redactText(text: string): string {
  if (!text) return text;
  const params = (t: string) => t.replace(QUERY_RE, (_m, sep: string, name: string, value: string) => `${sep}${name}=${redactParam(name, value)}`);
  // Credential parameters go first, whole, as written: decoded, a value's "%3C" would end it early and leave its tail.
  let out = params(decodePercentRuns(params(text)).replace(URL_RE, (url) => redactUrl(url)));
  for (const rule of KEY_RULES) out = out.replace(rule, (m, scheme?: string) => (typeof scheme === "string" && /^(bearer|basic|token)$/i.test(scheme) ? `${scheme} [key]` : "[key]"));
  out = out.replace(SECRET_ASSIGNMENT, (_m, lead: string) => `${lead}[key]`);
  out = out.replace(EMAIL_RE, "[email]");
  out = out.replace(IBAN_RE, (m) => (ibanValid(m.replace(/ /g, "")) ? "[iban]" : m));
  out = out.replace(CARD_RE, (m) => (luhnValid(m.replace(/\D/g, "")) ? "[card]" : m));
  for (const rule of PHONE_RES) out = out.replace(rule, "[phone]");
  out = out.replace(IPV4_RE, "[ip]");
  out = out.replace(IPV6_RE, "[ip]");
  return out;
}

/** Percent-escaped runs, decoded until none is left: a secret URL-encoded once or twice is still a secret. */
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * The text with every run of percent escapes decoded (a run that is not UTF-8 is kept), so that the rules
 * below see `card 4242 4242...` in `q=card%204242%204242...`, and whatever reads the redacted text
 * decoded (a page, a model) finds nothing more in it.
 */
function decodePercentRuns(text: string): string {
  let out = text;
  for (let pass = 0; pass < 3 && PERCENT_RUN.test(out); pass++) {
    PERCENT_RUN.lastIndex = 0;
    const next = out.replace(PERCENT_RUN, (run) => decodeSafe(run));
    if (next === out) break;
    out = next;
  }
  PERCENT_RUN.lastIndex = 0;
  return out;
}

/** A URL with its user info and secret-looking query values removed; other text rules apply after. */
function redactUrl(url: string): string {
  return url.replace(USERINFO_RE, "$1[redacted]@");
}

function redactParam(name: string, value: string): string {
  if (!value || value === "[redacted]") return value;
  return SECRET_PARAM.test(decodeSafe(name)) ? "[redacted]" : value;
}

/** ISO 13616's check: the country and check digits moved to the end, letters as numbers, mod 97 is 1. */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** The Luhn checksum every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A report with its free-text fields redacted; ids and versions are left as they are. */
export function redactReport<R extends { userIntent: string; userSuccess: string; improvement: string; department: string }>(report: R): R {
  return {
    ...report,
    userIntent: redactText(report.userIntent),
    userSuccess: redactText(report.userSuccess),
    improvement: redactText(report.improvement),
    department: redactText(report.department),
  };
}

/** Every string inside `value` redacted, structure kept: for patterns, tickets and other stored objects. */
export function redactStrings<T>(value: T): T {
  return redactDeep(value) as T;
}

function redactDeep(value: unknown): unknown {
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
  }
  return value;
}

/** True when a property must never leave the warehouse: named sensitive in the profile, or PII by name. */
export function isSensitiveProperty(name: string, sensitive: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return sensitive.some((s) => s.toLowerCase() === lower) || BUILT_IN_SENSITIVE.test(lower);
}

const BUILT_IN_SENSITIVE = /^\$?(?:ip|email|e-mail|phone|password|passwd|token|access_token|api_key|secret|card_number|ssn|name|first_name|last_name|address)$/;

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
