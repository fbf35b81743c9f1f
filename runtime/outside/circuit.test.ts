import { describe, it, expect, afterEach } from "vitest";
import { CircuitBreaker, CircuitOpenError } from "./circuit.js";
import { registerSecret } from "../scrubSecrets.js";

const ENV_KEY = "sk-proj-circuitENVkey0123456789abcdef";
const PROFILE_KEY = "lin_api_circuitPROFILEkey0123456789abc";

describe("the circuit breaker's last error", () => {
  const before = process.env.OPENAI_API_KEY;
  afterEach(() => {
    if (before === undefined) delete process.env.OPENAI_API_KEY;
    else process.env.OPENAI_API_KEY = before;
  });

  it("quotes the failure that opened it with every key scrubbed, so the refusal message never carries one", async () => {
    process.env.OPENAI_API_KEY = ENV_KEY;
    registerSecret("ACME_LINEAR", PROFILE_KEY);
    const circuit = new CircuitBreaker("openai", { failures: 1, cooldownMs: 60_000, now: () => 0 }, () => true);
    const echoing = () => Promise.reject(new Error(`401 bad key ${ENV_KEY} and ${PROFILE_KEY}`));
    await expect(circuit.run(echoing)).rejects.toThrow("401");
    const refusal = await circuit.run(echoing).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(CircuitOpenError);
    const { message, lastError } = refusal as CircuitOpenError;
    expect(lastError).toBe("401 bad key [OPENAI_API_KEY] and [ACME_LINEAR]");
    for (const text of [message, lastError]) {
      expect(text).not.toContain(ENV_KEY);
      expect(text).not.toContain(PROFILE_KEY);
    }
  });
});
