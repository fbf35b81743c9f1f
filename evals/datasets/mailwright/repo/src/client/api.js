// The dashboard's API client; failed calls are reported to analytics with their status.
export function apiClient(fetchImpl, track) {
  async function call(method, path, body) {
    const response = await fetchImpl(`https://api.mailwright.dev${path}`, {
      method,
      credentials: "include",
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) track("api_error", { status: response.status, endpoint: path.split("?")[0].replace(/\/(dom|tpl|key|wh)_[A-Za-z0-9]+/g, "/:id"), code: data.code ?? null });
    return { ok: response.ok, status: response.status, data };
  }
  return { get: (path) => call("GET", path), post: (path, body) => call("POST", path, body) };
}
