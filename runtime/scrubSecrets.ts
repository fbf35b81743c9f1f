/** Names of environment variables that hold credentials (OPENAI_API_KEY, LINEAR_API_KEY, GITHUB_TOKEN, ...). */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL/i;

/** Credentials read from a variable the profile names (linear.apiKeyEnv), whatever that variable is called. */
const configured = new Map<string, string>();

/** Keeps `value` out of every message scrubbed from now on, shown as `[label]`. */
export function registerSecret(label: string, value: string | null | undefined): void {
  if (value && value.length >= 8) configured.set(value, label);
}

/**
 * A message with every credential replaced by its variable's name: the value of each environment variable
 * named like a credential, and each registered secret. An outside service that echoes a key back in its
 * error ("bad Authorization header: lin_api_...") must not put it on the user's terminal, in a log line
 * or in a CI log.
 */
export function scrubSecrets(message: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = message;
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 8 && SECRET_NAME.test(name)) out = out.split(value).join(`[${name}]`);
  }
  for (const [value, label] of configured) out = out.split(value).join(`[${label}]`);
  return out;
}
