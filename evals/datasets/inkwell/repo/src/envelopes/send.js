// An envelope: a document, its signers in signing order, and a message.
export function envelopeErrors(envelope) {
  const errors = [];
  if (!envelope.signers.length) errors.push("Add at least one signer");
  for (const signer of envelope.signers) if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(signer.email)) errors.push(`${signer.email || "A signer"} has no valid email`);
  if (!envelope.fields.some((f) => f.kind === "signature")) errors.push("Place at least one signature field");
  return errors;
}

export async function sendEnvelope(app, envelope) {
  const errors = envelopeErrors(envelope);
  if (errors.length) return { ok: false, errors };
  const sent = await app.api.post("/api/envelopes", envelope);
  app.track("envelope_sent", { signers: envelope.signers.length, fields: envelope.fields.length });
  return { ok: true, id: sent.id };
}
