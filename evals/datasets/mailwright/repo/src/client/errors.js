// Uncaught errors go to Amplitude as "Frontend Error" with the browser's stack text.
export function reportErrors(window, track) {
  window.addEventListener("error", (event) => {
    track("Frontend Error", { message: event.message, stack: event.error?.stack ?? null, filename: event.filename, lineno: event.lineno, colno: event.colno, source: "window.onerror" });
  });
  window.addEventListener("unhandledrejection", (event) => {
    const reason = event.reason;
    track("Frontend Error", { message: String(reason?.message ?? reason), stack: reason?.stack ?? null, source: "unhandledrejection" });
  });
}
