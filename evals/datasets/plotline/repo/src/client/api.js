// The browser's API client: JSON over fetch, errors reported to analytics with their status.
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `Request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
  }
}

export function apiClient(fetchImpl, track) {
  async function request(method, path, body) {
    const response = await fetchImpl(path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      track("api_error", { status: response.status, endpoint: path.replace(/\/\d+|\/[a-z]+_[A-Za-z0-9]+/g, "/:id"), method });
      throw new ApiError(response.status, data);
    }
    return data;
  }
  return { get: (path) => request("GET", path), post: (path, body) => request("POST", path, body) };
}
