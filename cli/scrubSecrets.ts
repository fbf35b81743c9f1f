/** Names of environment variables that hold credentials (OPENAI_API_KEY, LINEAR_API_KEY, GITHUB_TOKEN, ...). */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL/i;

/**
 * A message with the value of every credential in the environment replaced by its variable's name: an
 * outside service that echoes a key back in its error ("bad Authorization header: lin_api_...") must
 * not put it on the user's terminal or in a CI log.
 */
export function scrubSecrets(message: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = message;
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 8 && SECRET_NAME.test(name)) out = out.split(value).join(`[${name}]`);
  }
  return out;
}
